// The demo region's housing office, from seed 000: the "Client service and Service 115" of a
// district housing-utility company (Mosty, Belarus). Its week is uneven — a lunch hour on Monday and
// Saturday only, open until 20:00 on Wednesday and Thursday — which is why it is in the demo: each
// office keeps its own schedule. Services are the desk's administrative procedures, residents'
// certificates, charges and recalculations, and the passport desk.
import type { CounterInput, ServiceInput, WeeklyRule } from '../common/protocol';
import type { DemoOfficeDefinition } from './demo-definition';

const day = (open: string, close: string, lunch: boolean) => ({ open, close, breaks: lunch ? [{ start: '12:00', end: '13:00' }] : [] });

/** Seed 000's reception schedule, weekday by weekday. */
const hours: WeeklyRule[] = [
  { weekday: 1, hours: day('08:00', '17:00', true) },
  { weekday: 2, hours: day('08:00', '17:00', false) },
  { weekday: 3, hours: day('08:00', '20:00', false) },
  { weekday: 4, hours: day('08:00', '20:00', false) },
  { weekday: 5, hours: day('08:00', '17:00', false) },
  { weekday: 6, hours: day('08:00', '17:00', true) },
];

const services: ServiceInput[] = [
  {
    id: 'procedures',
    name: { ru: 'Административные процедуры', uk: 'Адміністративні процедури', en: 'Administrative procedures' },
    prefix: 'А',
    expectedServiceMinutes: 15,
    kioskOrder: 1,
  },
  {
    id: 'certificates',
    name: { ru: 'Справки для жильцов', uk: 'Довідки для мешканців', en: 'Certificates for residents' },
    prefix: 'С',
    expectedServiceMinutes: 5,
    kioskOrder: 2,
  },
  {
    id: 'charges',
    name: { ru: 'Начисления и перерасчёт', uk: 'Нарахування та перерахунок', en: 'Charges and recalculation' },
    prefix: 'Н',
    expectedServiceMinutes: 10,
    kioskOrder: 3,
  },
  {
    id: 'passport-desk',
    name: { ru: 'Паспортный стол', uk: 'Паспортний стіл', en: 'Passport desk' },
    prefix: 'П',
    expectedServiceMinutes: 10,
    kioskOrder: 4,
  },
];

const window = (n: number, main: string, secondary: string[], technical: [string, string]): CounterInput => ({
  id: `window-${n}`,
  number: n,
  name: { ru: `Окно ${n}`, uk: `Вікно ${n}`, en: `Window ${n}` },
  services: [{ serviceId: main, weight: 'main' }, ...secondary.map((serviceId) => ({ serviceId, weight: 'secondary' as const }))],
  zone: 'hall',
  // The office-wide lunch on Monday and Saturday is in the schedule; booths add short technical breaks.
  plannedBreaks: [{ kind: 'technical', start: technical[0], end: technical[1] }],
});

const counters: CounterInput[] = [
  window(1, 'procedures', ['certificates'], ['10:30', '10:45']),
  window(2, 'charges', ['certificates', 'procedures'], ['11:00', '11:15']),
  window(3, 'passport-desk', ['certificates'], ['15:30', '15:45']),
];

export const service115: DemoOfficeDefinition = {
  id: 'service-115',
  office: {
    name: { ru: 'Клиентская служба и сервис 115 (демо)', uk: 'Клієнтська служба і сервіс 115 (демо)', en: 'Client Service and Service 115 (demo)' },
    address: { ru: 'г. Мосты, ул. Лермонтова, 24а', uk: 'м. Мости, вул. Лермонтова, 24а', en: '24a Lermontov St, Mosty' },
    phones: ['115', '+375 1515 6-01-15'],
    timeZone: 'Europe/Minsk',
    languages: ['ru', 'en'],
    defaultLanguage: 'ru',
    schedule: { weekly: hours, holidays: [], exceptions: [], cutoffMinutes: 15 },
    rules: { recallLimit: 2, postponeMinutes: 10, priorityRatio: null, appointmentLeadMinutes: 5 },
    categories: [
      { id: 'disability', name: { ru: 'Инвалидность I–II группы', uk: 'Інвалідність I–II групи', en: 'Disability group I–II' } },
      { id: 'large-family', name: { ru: 'Многодетная семья', uk: 'Багатодітна сім’я', en: 'Large family' } },
    ],
  },
  services,
  counters,
};
