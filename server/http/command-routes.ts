// Each queue command as a POST route of the office, built from COMMAND_ROUTES: path parameters and
// JSON body together form the command's input.
import { Router } from 'express';
import { COMMAND_ROUTES, HTTP_STATUS, type CommandName } from '../../common/protocol';
import { outsiderRefusal, principalOf } from '../auth/authenticate';
import type { CommandRunner } from '../engine/commands';

export function commandRoutes(runner: CommandRunner): Router {
  const router = Router();
  for (const [name, path] of Object.entries(COMMAND_ROUTES) as [CommandName, string][]) {
    router.post(path, async (req, res) => {
      const body: unknown = req.body ?? {};
      const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, ...req.params } : body;
      const ran = await runner.run(name, input, principalOf(res));
      // A signed-in browser with no role in this office ran as the public: say why it may not.
      const outsider = outsiderRefusal(res);
      const result = !ran.ok && ran.error.code === 'unauthenticated' && outsider ? { ok: false as const, error: outsider } : ran;
      res.status(result.ok ? 200 : HTTP_STATUS[result.error.code]).json(result);
    });
  }
  return router;
}
