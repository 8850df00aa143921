// Every API route the running app really serves, read from Express's own router stack, so a route
// added tomorrow is in every test that walks this list without anyone remembering to add it.
import type { Express } from 'express';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As registered, with `:param`s. */
  path: string;
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

export function apiRoutes(app: Express): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (stack: readonly Layer[]) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string' && layer.route.path.startsWith('/api/')) {
        for (const method of Object.keys(layer.route.methods)) routes.push({ method: method as ApiRoute['method'], path: layer.route.path });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}
