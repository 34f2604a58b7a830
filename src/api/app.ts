import fs from 'node:fs';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { ANONYMOUS } from '../domain/access.js';
import { ApiError, errorBody, sendError } from './errors.js';
import { routeTable, type AppDeps, type AppEnv } from './route.js';
import { registerReferenceRoutes } from './routes/reference.js';
import { registerBodyRoutes } from './routes/bodies.js';
import { registerMeetingRoutes } from './routes/meetings.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerAdminRoutes } from './routes/admin.js';
import { MAX_UPLOAD_BYTES, registerImportRoutes } from './routes/imports.js';
import { registerMeetingEditRoutes, registerNoticeRoutes } from './routes/meeting-edit.js';
import { registerInboxRoutes, registerYearPlanRoutes } from './routes/year-plan.js';
import { registerAttachmentRoutes } from './routes/attachments.js';
import { registerAssignmentRoutes, registerTraceRoutes } from './routes/assignments.js';
import { registerFollowUpRoutes } from './routes/follow-up.js';
import { registerOparlRoutes } from './routes/oparl.js';
import { registerJusteringRoutes } from './routes/justering.js';
import { registerVerifyRoutes } from './routes/verify.js';
import { registerPublicationRoutes } from './routes/publication.js';
import { registerDashboardRoutes } from './routes/dashboard.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerVoteRoutes } from './routes/votes.js';
import { registerWrittenProcedureRoutes } from './routes/written-procedure.js';
import { registerCasePlanningRoutes } from './routes/case-planning.js';
import { registerExpeditionRoutes } from './routes/expedition.js';
import { registerImmediateJusteringRoutes } from './routes/immediate-justering.js';
import type { Context } from 'hono';
import { csrfMiddleware, overTls, sessionMiddleware } from './auth/session.js';

export interface AppOptions {
  webDir?: string; // the built UI; omitted in API tests
}

export function createApp(deps: AppDeps, opts: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({
    // zod failures become 400 with the field named, in the one error shape.
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') || 'request';
        return c.json(errorBody('invalid_request', `Ogiltigt värde för ${field}: ${issue?.message ?? 'ogiltigt'}`), 400);
      }
    },
  });

  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: false,
  }));
  const tooLarge = (c: Context) => c.json(errorBody('too_large', 'Begäran är för stor.'), 413);
  const smallBodies = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge });
  const uploads = bodyLimit({ maxSize: MAX_UPLOAD_BYTES + 64 * 1024, onError: tooLarge });
  const isUpload = (c: Context) => c.req.method === 'POST' && (c.req.path === '/api/imports' || c.req.path === '/api/verify' || c.req.path.endsWith('/documents') || c.req.path.endsWith('/written-procedures'));
  app.use('/api/*', (c, next) => (isUpload(c) ? uploads(c, next) : smallBodies(c, next)));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('viewer', ANONYMOUS);
    c.set('session', null);
    await next();
    if (overTls(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
  app.use('/api/*', sessionMiddleware);
  app.use('/api/*', csrfMiddleware);

  registerReferenceRoutes(app);
  registerAuthRoutes(app);
  registerAdminRoutes(app);
  registerImportRoutes(app);
  registerYearPlanRoutes(app);
  registerInboxRoutes(app);
  registerMeetingEditRoutes(app);
  registerNoticeRoutes(app);
  registerAttachmentRoutes(app);
  registerAssignmentRoutes(app);
  registerTraceRoutes(app);
  registerFollowUpRoutes(app);
  registerBodyRoutes(app);
  registerMeetingRoutes(app);
  registerSearchRoutes(app);
  registerDocumentRoutes(app);
  registerOparlRoutes(app);
  registerJusteringRoutes(app);
  registerVerifyRoutes(app);
  registerPublicationRoutes(app);
  registerDashboardRoutes(app);
  registerJobRoutes(app);
  registerVoteRoutes(app);
  registerWrittenProcedureRoutes(app);
  registerCasePlanningRoutes(app);
  registerExpeditionRoutes(app);
  registerImmediateJusteringRoutes(app);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Samverka API', version: '0.1.0', description: 'Möten, ärenden och beslut i regional samverkan.' },
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return sendError(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(errorBody('bad_request', 'Ogiltig begäran.'), err.status);
    }
    deps.log.error({ err, path: c.req.path }, 'request failed');
    return c.json(errorBody('internal', 'Ett internt fel inträffade. Försök igen senare.'), 500);
  });

  app.all('/api/*', (c) => c.json(errorBody('not_found', 'Det finns ingen sådan adress i API:t.'), 404));
  // The Atom feeds are not pages of the UI: an unknown feed is a 404, not the app.
  app.all('/feeds/*', (c) => c.json(errorBody('not_found', 'Det finns inget sådant flöde.'), 404));

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) {
    const root = path.relative(process.cwd(), opts.webDir) || '.';
    const indexHtml = fs.readFileSync(path.join(opts.webDir, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root }));
    app.use('/favicon.svg', serveStatic({ root }));
    // The UI routes in the browser: every other path gets the page.
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('*', (c) => c.text('Samverka: the web UI is not built. Run `npm run build:web` (npm start does it).', 503));
  }
  return app;
}

/** The declared routes, without serving anything (for the permission and fuzz tests, and docs). */
export function declaredRoutes() {
  createApp(undefined as unknown as AppDeps);
  return [...routeTable];
}
