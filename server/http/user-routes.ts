// Staff accounts, for admins only.
import { Router } from 'express';
import { createUserSchema, setPasswordSchema, updateUserSchema } from '../../common/protocol/admin-schemas';
import { id, type User } from '../../common/protocol';
import { requireRole } from '../auth/permissions';
import type { AccessRevocations } from '../auth/access-revocations';
import type { AuthStores } from '../auth/principal';
import { fail, handle, parse } from './respond';

export function userRoutes(stores: AuthStores, revocations: AccessRevocations): Router {
  const router = Router();
  router.use('/api/users', requireRole('admin'));

  router.get(
    '/api/users',
    handle(() => stores.users.list()),
  );

  router.post(
    '/api/users',
    handle(async (req): Promise<User> => {
      const input = parse(createUserSchema, req.body);
      const created = await stores.users.create(input);
      if (created.kind === 'login-taken') fail('conflict', `The login "${input.login}" is already taken`);
      return created.user;
    }),
  );

  router.patch(
    '/api/users/:id',
    handle(async (req): Promise<User> => {
      const patch = parse(updateUserSchema, req.body);
      const updated = await stores.users.update(parse(id, req.params.id), patch);
      if (updated.kind === 'not-found') fail('not-found', 'No such user');
      if (updated.kind === 'last-admin') fail('conflict', 'This is the last active admin; make someone else admin first');
      // A deactivated account or a changed role must not keep working through an open socket.
      if (patch.active === false || patch.role !== undefined) revocations.revoke({ kind: 'user', id: updated.user.id });
      else revocations.changed({ kind: 'user', id: updated.user.id });
      return updated.user;
    }),
  );

  router.post(
    '/api/users/:id/password',
    handle(async (req): Promise<User> => {
      const { password } = parse(setPasswordSchema, req.body);
      const user = await stores.users.get(parse(id, req.params.id));
      if (!user || !(await stores.users.setPassword(user.id, password))) fail('not-found', 'No such user');
      // A new password is often set because the old one leaked: end every session it opened.
      await stores.sessions.deleteForUser(user.id);
      revocations.revoke({ kind: 'user', id: user.id });
      return user;
    }),
  );

  return router;
}
