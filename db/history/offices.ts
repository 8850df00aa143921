// Which offices a generated history fills: the single office `main` (today's demo office), or with
// `--offices N` the offices office-1 … office-N — branches run like the demo office, each with its
// own name and address, on a few time zones in turn, so a regional report meets offices whose days
// start at different instants.
import type { OfficeId } from '../../common/protocol';
import type { DemoOfficeDefinition } from '../demo-definition';
import { socialProtection } from '../demo-office';

const ZONES = ['Asia/Irkutsk', 'Europe/Moscow', 'Asia/Yekaterinburg'];

export interface HistoryOffice {
  id: OfficeId;
  definition: DemoOfficeDefinition;
}

function branch(n: number): HistoryOffice {
  const id = `office-${n}`;
  const office = {
    ...socialProtection.office,
    name: { ru: `Клиентская служба № ${n}`, uk: `Клієнтська служба № ${n}`, en: `Client service No. ${n}` },
    address: { ru: `ул. Центральная, ${n}`, uk: `вул. Центральна, ${n}`, en: `${n} Central St` },
    timeZone: ZONES[(n - 1) % ZONES.length]!,
  };
  return { id, definition: { ...socialProtection, id, office } };
}

/** `count` null: the single office `main`. */
export function historyOffices(count: number | null, singleOfficeId: OfficeId): HistoryOffice[] {
  if (count === null) return [{ id: singleOfficeId, definition: socialProtection }];
  return Array.from({ length: count }, (_, i) => branch(i + 1));
}
