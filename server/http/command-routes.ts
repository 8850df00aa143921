// Each queue command as a POST route, built from COMMAND_ROUTES: path parameters and JSON body
// together form the command's input.
import { Router } from 'express';
import { COMMAND_ROUTES, HTTP_STATUS, type CommandName } from '../../common/protocol';
import type { Principal } from '../auth/principal';
import type { CommandRunner } from '../engine/commands';

export function commandRoutes(runner: CommandRunner): Router {
  const router = Router();
  for (const [name, path] of Object.entries(COMMAND_ROUTES) as [CommandName, string][]) {
    router.post(path, async (req, res) => {
      const body: unknown = req.body ?? {};
      const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, ...req.params } : body;
      const result = await runner.run(name, input, res.locals.principal as Principal);
      res.status(result.ok ? 200 : HTTP_STATUS[result.error.code]).json(result);
    });
  }
  return router;
}
