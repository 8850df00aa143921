import { common } from './common';
import { display } from './display';
import { errors } from './errors';
import { kiosk } from './kiosk';
import { panel } from './panel';
import { speech } from './speech';
import { ticket } from './ticket';

// The reference catalogue: its keys and placeholders define every other language (see ../README.md).
export const en = { common, display, errors, kiosk, panel, speech, ticket } as const;
