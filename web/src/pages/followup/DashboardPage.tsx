// PLACEHOLDER: uppföljning dashboard per body and per huvudman (/uppfoljning).
export function DashboardPage() {
  return null;
}
