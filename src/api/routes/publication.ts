import type { ApiApp } from '../route.js';

// Routes for publication — Atom feeds per body and for all, anslag dates. PLACEHOLDER: filled in by the work on this area.
export function registerPublicationRoutes(_app: ApiApp): void {}
