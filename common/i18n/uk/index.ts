import type { Catalogue } from '../catalogue';
import { common } from './common';
import { display } from './display';
import { errors } from './errors';
import { kiosk } from './kiosk';
import { panel } from './panel';
import { speech } from './speech';
import { ticket } from './ticket';

export const uk: Catalogue = { common, display, errors, kiosk, panel, speech, ticket };
