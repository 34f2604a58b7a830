import type { ApiApp } from '../route.js';

// Routes for uppföljning dashboard per body and per huvudman. PLACEHOLDER: filled in by the work on this area.
export function registerDashboardRoutes(_app: ApiApp): void {}
