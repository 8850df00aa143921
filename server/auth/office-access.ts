// Who someone is inside one office. A person acts with their role in that office: a regional admin
// as admin everywhere, otherwise the role they hold there, otherwise a regional analyst as analyst;
// without any they may do nothing there. A device works only in the office it belongs to. The
// office's routes and sockets then see an ordinary `Principal`, so their role checks stay as they were.
import type { ApiError, OfficeId, OfficeRole, Role, User } from '../../common/protocol';
import type { Caller, Principal } from './principal';

/** The user's role in the office, or null when they have none there. */
export function roleIn(user: User, officeId: OfficeId): Role | null {
  if (user.organisationRole === 'regional-admin') return 'admin';
  const held = user.offices.find((r) => r.officeId === officeId);
  if (held) return held.role;
  return user.organisationRole === 'regional-analyst' ? 'analyst' : null;
}

/** The offices among `officeIds` the user may work in, each with their role there. */
export function officesOf(user: User, officeIds: readonly OfficeId[]): OfficeRole[] {
  return officeIds.flatMap((officeId) => {
    const role = roleIn(user, officeId);
    return role ? [{ officeId, role }] : [];
  });
}

export function principalIn(caller: Caller, officeId: OfficeId): Principal | { error: ApiError } {
  switch (caller.kind) {
    case 'public':
      return caller;
    case 'device':
      if (caller.device.officeId === officeId) return caller;
      return { error: { code: 'forbidden', message: `Device "${caller.device.name}" belongs to office ${caller.device.officeId}, not ${officeId}` } };
    case 'user': {
      const role = roleIn(caller.user, officeId);
      if (!role) return { error: { code: 'forbidden', message: `You have no role in office ${officeId}` } };
      return { kind: 'user', user: { ...caller.user, role } };
    }
  }
}
