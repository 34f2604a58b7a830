import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { NotFound } from './components/States';
import { HomePage } from './pages/HomePage';
import { BodyPage } from './pages/BodyPage';
import { MeetingPage } from './pages/MeetingPage';
import { LoginPage } from './pages/LoginPage';
import { AccountPage } from './pages/AccountPage';
import { AdminPage } from './pages/admin/AdminPage';
import { ImportPage } from './pages/ImportPage';
import { YearPlanPage } from './pages/YearPlanPage';
import { AssignmentsPage } from './pages/AssignmentsPage';
import { TracePage } from './pages/TracePage';
import { AdoptionMatrixPage } from './pages/followup/AdoptionMatrixPage';
import { RecommendationPage } from './pages/followup/RecommendationPage';
import { NewRecommendationPage } from './pages/followup/NewRecommendationPage';
import { HuvudmanPage } from './pages/followup/HuvudmanPage';
import { CostSplitsPage } from './pages/followup/CostSplitsPage';
import { CostSplitPage } from './pages/followup/CostSplitPage';
import { NewCostSplitPage } from './pages/followup/NewCostSplitPage';
import { FundsPage } from './pages/followup/FundsPage';
import { FundCallPage } from './pages/followup/FundCallPage';
import { DocumentsPage } from './pages/followup/DocumentsPage';
import { DocumentPage } from './pages/followup/DocumentPage';
import { MeetingEditorPage } from './pages/editor/MeetingEditorPage';
import { SearchPage } from './pages/SearchPage';
import { JusteringPage } from './pages/justering/JusteringPage';
import { VerifyPage } from './pages/VerifyPage';
import { ExpeditionPage } from './pages/expedition/ExpeditionPage';
import { RegisterPage } from './pages/expedition/RegisterPage';
import { DashboardPage } from './pages/followup/DashboardPage';
import { WrittenListPage } from './pages/written/WrittenListPage';
import { NewWrittenPage } from './pages/written/NewWrittenPage';
import { WrittenQuestionPage } from './pages/written/WrittenQuestionPage';
import { WrittenAnswerPage } from './pages/written/WrittenAnswerPage';
import { YearWheelPage } from './pages/planning/YearWheelPage';
import { CasePlanPage } from './pages/planning/CasePlanPage';
import { NewCasePlanPage } from './pages/planning/NewCasePlanPage';
import { AuthProvider } from './auth';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
      <Layout>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/organ/:slug" element={<BodyPage />} />
          <Route path="/organ/:slug/:year" element={<BodyPage />} />
          <Route path="/organ/:slug/arsplan/:year" element={<YearPlanPage />} />
          <Route path="/uppdrag" element={<AssignmentsPage />} />
          <Route path="/arenden/:id" element={<TracePage />} />
          <Route path="/rekommendationer" element={<AdoptionMatrixPage />} />
          <Route path="/rekommendationer/ny" element={<NewRecommendationPage />} />
          <Route path="/rekommendationer/:id" element={<RecommendationPage />} />
          <Route path="/huvudman/:id" element={<HuvudmanPage />} />
          <Route path="/kostnadsfordelning" element={<CostSplitsPage />} />
          <Route path="/kostnadsfordelning/ny" element={<NewCostSplitPage />} />
          <Route path="/kostnadsfordelning/:id" element={<CostSplitPage />} />
          <Route path="/statsbidrag" element={<FundsPage />} />
          <Route path="/statsbidrag/:id" element={<FundCallPage />} />
          <Route path="/styrdokument" element={<DocumentsPage />} />
          <Route path="/styrdokument/:id" element={<DocumentPage />} />
          <Route path="/moten/:id" element={<MeetingPage />} />
          <Route path="/moten/:id/redigera" element={<MeetingEditorPage />} />
          <Route path="/moten/:id/justering" element={<JusteringPage />} />
          <Route path="/moten/:id/expediering" element={<ExpeditionPage />} />
          <Route path="/expediering/registrera/:token" element={<RegisterPage />} />
          <Route path="/verifiera" element={<VerifyPage />} />
          <Route path="/uppfoljning" element={<DashboardPage />} />
          <Route path="/arshjul" element={<YearWheelPage />} />
          <Route path="/planering/ny" element={<NewCasePlanPage />} />
          <Route path="/planering/:id" element={<CasePlanPage />} />
          <Route path="/organ/:slug/per-capsulam" element={<WrittenListPage />} />
          <Route path="/organ/:slug/per-capsulam/ny" element={<NewWrittenPage />} />
          <Route path="/per-capsulam/:id" element={<WrittenQuestionPage />} />
          <Route path="/per-capsulam/svar/:token" element={<WrittenAnswerPage />} />
          <Route path="/logga-in" element={<LoginPage />} />
          <Route path="/konto" element={<AccountPage />} />
          <Route path="/admin" element={<AdminPage />} />
          <Route path="/importera" element={<ImportPage />} />
          <Route path="/sok" element={<SearchPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
