// Staff accounts. A regional admin manages everyone and every role; an office admin manages the
// people who hold a role in their offices, and grants or takes back roles only there. Organisation
// roles are the regional admin's alone, and nobody but a regional admin touches a regional account.
import { Router, type Response } from 'express';
import { createUserSchema, setPasswordSchema, updateUserSchema } from '../../common/protocol/admin-schemas';
import { id, type OfficeId, type OfficeRole, type User } from '../../common/protocol';
import { callerOf } from '../auth/authenticate';
import type { AccessRevocations } from '../auth/access-revocations';
import { roleIn } from '../auth/office-access';
import type { AuthStores } from '../auth/principal';
import { fail, handle, parse } from './respond';

export interface UserRoutesDeps {
  stores: AuthStores;
  revocations: AccessRevocations;
  /** The offices that are open for work (not archived). */
  officeIds: () => readonly OfficeId[];
}

/** Who manages accounts, and in which offices. */
interface Manager {
  regional: boolean;
  offices: ReadonlySet<OfficeId>;
}

export function userRoutes({ stores, revocations, officeIds }: UserRoutesDeps): Router {
  const router = Router();

  const managerOf = (res: Response): Manager => {
    const caller = callerOf(res);
    if (caller.kind === 'public') fail('unauthenticated', 'Sign in first');
    if (caller.kind !== 'user' || !caller.user.active) fail('forbidden', 'Only admins manage staff accounts');
    const regional = caller.user.organisationRole === 'regional-admin';
    const offices = new Set(officeIds().filter((officeId) => roleIn(caller.user, officeId) === 'admin'));
    // A regional admin manages accounts even before there is any office.
    if (!regional && offices.size === 0) fail('forbidden', 'Only admins manage staff accounts');
    return { regional, offices };
  };

  const mayManage = (manager: Manager, user: User) =>
    manager.regional || (user.organisationRole === null && user.offices.some((r) => manager.offices.has(r.officeId)));

  const managedUser = async (manager: Manager, userId: string): Promise<User> => {
    const user = await stores.users.get(userId);
    // Someone outside the admin's offices is as unknown to them as nobody.
    if (!user || !mayManage(manager, user)) fail('not-found', 'No such user');
    return user;
  };

  const checkGrantable = (manager: Manager, roles: readonly OfficeRole[]) => {
    const outside = roles.filter((r) => !manager.offices.has(r.officeId));
    if (outside.length > 0) fail('forbidden', `You do not manage office ${outside.map((r) => r.officeId).join(', ')}`);
  };

  router.get(
    '/api/users',
    handle(async (_req, res) => {
      const manager = managerOf(res);
      const people = await stores.users.list(manager.regional ? undefined : { offices: [...manager.offices] });
      return people.filter((user) => mayManage(manager, user));
    }),
  );

  router.post(
    '/api/users',
    handle(async (req, res): Promise<User> => {
      const manager = managerOf(res);
      const input = parse(createUserSchema, req.body);
      checkGrantable(manager, input.offices);
      if (input.organisationRole !== null && !manager.regional) fail('forbidden', 'Only a regional admin grants organisation roles');
      if (!manager.regional && input.offices.length === 0) fail('invalid-input', 'Give the person a role in one of your offices');
      const created = await stores.users.create(input);
      if (created.kind === 'login-taken') fail('conflict', `The login "${input.login}" is already taken`);
      if (created.kind === 'unknown-office') fail('office-not-found', `No office ${created.officeId}`);
      return created.user;
    }),
  );

  router.patch(
    '/api/users/:id',
    handle(async (req, res): Promise<User> => {
      const manager = managerOf(res);
      const patch = parse(updateUserSchema, req.body);
      const user = await managedUser(manager, parse(id, req.params.id));
      if (patch.organisationRole !== undefined && !manager.regional) fail('forbidden', 'Only a regional admin grants organisation roles');
      const { offices, ...rest } = patch;
      if (offices) checkGrantable(manager, offices);
      // The roles in offices the admin does not manage stay as they are.
      const within = manager.regional ? ('all' as const) : [...manager.offices];
      const updated = await stores.users.update(user.id, { ...rest, ...(offices ? { offices: { within, roles: offices } } : {}) });
      if (updated.kind === 'not-found') fail('not-found', 'No such user');
      if (updated.kind === 'last-admin') fail('conflict', 'This is the last active regional admin; make someone else regional admin first');
      if (updated.kind === 'unknown-office') fail('office-not-found', `No office ${updated.officeId}`);
      // A deactivated account or changed roles must not keep working through an open socket.
      if (patch.active === false || patch.organisationRole !== undefined || offices) revocations.revoke({ kind: 'user', id: updated.user.id });
      else revocations.changed({ kind: 'user', id: updated.user.id });
      return updated.user;
    }),
  );

  router.post(
    '/api/users/:id/password',
    handle(async (req, res): Promise<User> => {
      const manager = managerOf(res);
      const { password } = parse(setPasswordSchema, req.body);
      const user = await managedUser(manager, parse(id, req.params.id));
      if (!(await stores.users.setPassword(user.id, password))) fail('not-found', 'No such user');
      // A new password is often set because the old one leaked: end every session it opened.
      await stores.sessions.deleteForUser(user.id);
      revocations.revoke({ kind: 'user', id: user.id });
      return user;
    }),
  );

  return router;
}
