// What kind of screen a connection to an office is, for the connected-screens gauge: a registered
// device by its kind, a signed-in person as staff (booth, admin, analytics), anyone else as public
// (a visitor's live ticket page, a display without a key).
import { deviceKind, type DeviceKind } from '../../common/protocol';
import type { Principal } from '../auth/principal';

export type ScreenKind = DeviceKind | 'staff' | 'public';

export const SCREEN_KINDS: readonly ScreenKind[] = [...deviceKind.options, 'staff', 'public'];

export function screenKindOf(principal: Principal): ScreenKind {
  switch (principal.kind) {
    case 'device':
      return principal.device.kind;
    case 'user':
      return 'staff';
    case 'public':
      return 'public';
  }
}
