import { admin } from './admin';
import { analytics } from './analytics';
import { booking } from './booking';
import { common } from './common';
import { consultant } from './consultant';
import { display } from './display';
import { errors } from './errors';
import { join } from './join';
import { kiosk } from './kiosk';
import { manage } from './manage';
import { messages } from './messages';
import { notifyMe } from './notify-me';
import { offices } from './offices';
import { panel } from './panel';
import { region } from './region';
import { speech } from './speech';
import { ticket } from './ticket';
import { visits } from './visits';

// The reference catalogue: its keys and placeholders define every other language (see ../README.md).
export const en = { admin, analytics, booking, common, consultant, display, errors, join, kiosk, manage, messages, notifyMe, offices, panel, region, speech, ticket, visits } as const;
