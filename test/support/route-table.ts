// Every API route the running app really serves, read from Express's own router stacks, so a route
// added tomorrow is in every test that walks this list without anyone remembering to add it. The
// organisation's routes hang in the app; an office's routes in its runtime's Router, which the
// dispatcher at `/api/offices/:officeId` hands requests to — listed here under that prefix.
import type { TalonApp } from '../../server/app';
import { OFFICE_ROUTES_MOUNT } from '../../server/offices/office-dispatch';
import { MAIN_OFFICE } from './talon-server';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As registered, with `:param`s; an office's routes start with `/api/offices/:officeId`. */
  path: string;
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routesIn(stack: readonly Layer[]): ApiRoute[] {
  return stack.flatMap((layer): ApiRoute[] => {
    if (layer.route && typeof layer.route.path === 'string') {
      const path = layer.route.path;
      return Object.keys(layer.route.methods).map((method) => ({ method: method as ApiRoute['method'], path }));
    }
    return layer.handle?.stack ? routesIn(layer.handle.stack) : [];
  });
}

export function apiRoutes(talon: Pick<TalonApp, 'app' | 'office'>): ApiRoute[] {
  const organisation = routesIn((talon.app as unknown as { router: { stack: Layer[] } }).router.stack).filter((route) => route.path.startsWith('/api/'));
  const office = talon.office(MAIN_OFFICE);
  if (!office) throw new Error(`office ${MAIN_OFFICE} is not running`);
  const inOffice = routesIn((office.router as unknown as { stack: Layer[] }).stack).map((route) => ({ ...route, path: `${OFFICE_ROUTES_MOUNT}${route.path}` }));
  return [...organisation, ...inOffice];
}
