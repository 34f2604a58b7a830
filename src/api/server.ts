import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import type { AppDeps } from './route.js';

export function startServer(deps: AppDeps, webDir: string): Promise<{ server: ServerType; port: number }> {
  const app = createApp(deps, { webDir });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: deps.config.port, hostname: deps.config.host }, (info) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}
