import type { ApiApp } from '../route.js';

// Routes for justering — send to signatories, approve/comment, revise, sign (fresh authentication). PLACEHOLDER: filled in by the work on this area.
export function registerJusteringRoutes(_app: ApiApp): void {}
