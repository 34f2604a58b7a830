import type { ApiApp } from '../route.js';

// Routes for public verification of a sealed protocol PDF. PLACEHOLDER: filled in by the work on this area.
export function registerVerifyRoutes(_app: ApiApp): void {}
