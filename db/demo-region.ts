// The demo region (npm start): three offices of one organisation in different towns and time zones,
// each as its source documents describe it. Order matters: the demo's people are laid out by an
// office's place in this list (server/demo.ts).
import type { LocalizedText } from '../common/protocol';
import { cityCentre } from './demo-city-centre';
import type { DemoOfficeDefinition } from './demo-definition';
import { socialProtection } from './demo-office';
import { service115 } from './demo-service-115';

export const DEMO_ORGANISATION_NAME: LocalizedText = { ru: 'Демонстрационный регион', uk: 'Демонстраційний регіон', en: 'Demo region' };

export const DEMO_REGION: readonly DemoOfficeDefinition[] = [socialProtection, service115, cityCentre];
