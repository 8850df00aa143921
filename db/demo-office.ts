// The demo office, from seed 004: a social-protection client service with three directions,
// four booths and a consultant's desk, open 8:30–17:30 on weekdays and 9:00–12:00 on the 2nd and
// 4th Saturday. Names in Russian, Ukrainian and English. The first office of the demo region
// (db/demo-region.ts).
import type { CounterInput, OfficeInput, ServiceInput, WeeklyRule } from '../common/protocol';
import { openAroundTheClock, type DemoOfficeDefinition } from './demo-definition';

const weekday = { open: '08:30', close: '17:30', breaks: [] };

/** Seed 004's real opening hours. */
export const demoOfficeHours: WeeklyRule[] = [
  ...[1, 2, 3, 4, 5].map((d) => ({ weekday: d, hours: weekday })),
  { weekday: 6, weeksOfMonth: [2, 4], hours: { open: '09:00', close: '12:00', breaks: [] } },
];

/** Seed 004's office with its real hours. */
const socialProtectionOffice: OfficeInput = {
  name: {
    ru: 'Клиентская служба ЦСПН (демо)',
    uk: 'Клієнтська служба ЦСЗН (демо)',
    en: 'Social Protection Client Service (demo)',
  },
  address: {
    ru: 'г. Гусиноозёрск, ул. Пушкина, 12',
    uk: 'м. Гусиноозерськ, вул. Пушкіна, 12',
    en: '12 Pushkin St, Gusinoozyorsk',
  },
  phones: ['+7 30145 4-12-34', '+7 30145 4-56-78'],
  timeZone: 'Asia/Irkutsk',
  languages: ['ru', 'uk', 'en'],
  defaultLanguage: 'ru',
  schedule: { weekly: demoOfficeHours, holidays: [], exceptions: [], cutoffMinutes: 15 },
  rules: { recallLimit: 2, postponeMinutes: 10, priorityRatio: null, appointmentLeadMinutes: 5 },
  categories: [
    { id: 'disability', name: { ru: 'Инвалидность I–II группы', uk: 'Інвалідність I–II групи', en: 'Disability group I–II' } },
    { id: 'veteran', name: { ru: 'Ветеран', uk: 'Ветеран', en: 'Veteran' } },
  ],
};

/** The office with seed 004's hours; `allDay` opens its queue around the clock (see openAroundTheClock). */
export function demoOffice(options: { allDay: boolean }): OfficeInput {
  return options.allDay ? openAroundTheClock(socialProtectionOffice) : socialProtectionOffice;
}

export const demoServices: ServiceInput[] = [
  {
    id: 'certificates',
    name: { ru: 'Выдача справок', uk: 'Видача довідок', en: 'Certificates' },
    prefix: 'С',
    expectedServiceMinutes: 5,
    kioskOrder: 1,
  },
  {
    id: 'documents',
    name: { ru: 'Приём документов', uk: 'Приймання документів', en: 'Handing in documents' },
    prefix: 'Д',
    expectedServiceMinutes: 15,
    kioskOrder: 2,
  },
  {
    id: 'consultation',
    name: { ru: 'Консультация', uk: 'Консультація', en: 'Consultation' },
    prefix: 'К',
    expectedServiceMinutes: 10,
    kioskOrder: 3,
  },
];

/** Staggered lunches, so the hall is never left without booths (seed 004). */
const LUNCH: Record<number, [string, string]> = { 1: ['12:00', '12:45'], 2: ['12:45', '13:30'], 3: ['13:30', '14:15'], 4: ['14:15', '15:00'] };

const booth = (n: number): CounterInput => ({
  id: `booth-${n}`,
  number: n,
  name: { ru: `Кабина ${n}`, uk: `Кабіна ${n}`, en: `Booth ${n}` },
  services: [
    { serviceId: 'documents', weight: 'main' },
    { serviceId: 'certificates', weight: 'secondary' },
    { serviceId: 'consultation', weight: 'secondary' },
  ],
  zone: 'hall',
  plannedBreaks: [
    { kind: 'lunch', start: LUNCH[n]![0], end: LUNCH[n]![1] },
    n % 2 === 1 ? { kind: 'technical', start: '10:30', end: '10:45' } : { kind: 'technical', start: '15:30', end: '15:45' },
  ],
});

export const demoCounters: CounterInput[] = [
  booth(1),
  booth(2),
  booth(3),
  booth(4),
  {
    id: 'consultant',
    number: 5,
    name: { ru: 'Консультант', uk: 'Консультант', en: 'Consultant' },
    services: [
      { serviceId: 'consultation', weight: 'main' },
      { serviceId: 'certificates', weight: 'main' },
    ],
    zone: 'hall',
    plannedBreaks: [{ kind: 'lunch', start: '13:00', end: '13:45' }],
  },
];

/** The region's first office: today's demo office (office `main` when Talon runs a single office). */
export const socialProtection: DemoOfficeDefinition = {
  id: 'social-protection',
  office: socialProtectionOffice,
  services: demoServices,
  counters: demoCounters,
};
