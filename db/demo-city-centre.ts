// The demo region's third office: a city-centre service centre on Moscow time, five hours behind
// the social-protection office, so the region shows offices whose days start at different instants.
// Long hours six days a week without a common lunch: its booths take staggered breaks instead.
import type { CounterInput, ServiceInput, WeeklyRule } from '../common/protocol';
import type { DemoOfficeDefinition } from './demo-definition';

const hours: WeeklyRule[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, hours: { open: '08:00', close: '20:00', breaks: [] } })),
  { weekday: 6, hours: { open: '10:00', close: '16:00', breaks: [] } },
];

const services: ServiceInput[] = [
  {
    id: 'benefits',
    name: { ru: 'Пособия и выплаты', uk: 'Допомоги та виплати', en: 'Benefits and allowances' },
    prefix: 'В',
    expectedServiceMinutes: 12,
    kioskOrder: 1,
  },
  {
    id: 'certificates',
    name: { ru: 'Выдача справок', uk: 'Видача довідок', en: 'Certificates' },
    prefix: 'С',
    expectedServiceMinutes: 5,
    kioskOrder: 2,
  },
  {
    id: 'pensions',
    name: { ru: 'Пенсионные вопросы', uk: 'Пенсійні питання', en: 'Pensions' },
    prefix: 'П',
    expectedServiceMinutes: 15,
    kioskOrder: 3,
  },
];

/** Lunches staggered over the middle of the day, so two booths of five are never away together. */
const LUNCH: [string, string][] = [['12:00', '12:45'], ['12:45', '13:30'], ['13:30', '14:15'], ['14:15', '15:00'], ['15:00', '15:45']];

const booth = (n: number, main: string): CounterInput => ({
  id: `booth-${n}`,
  number: n,
  name: { ru: `Окно ${n}`, uk: `Вікно ${n}`, en: `Window ${n}` },
  services: [{ serviceId: main, weight: 'main' }, ...services.filter((s) => s.id !== main).map((s) => ({ serviceId: s.id, weight: 'secondary' as const }))],
  zone: 'hall',
  plannedBreaks: [{ kind: 'lunch', start: LUNCH[n - 1]![0], end: LUNCH[n - 1]![1] }],
});

const counters: CounterInput[] = [booth(1, 'benefits'), booth(2, 'benefits'), booth(3, 'certificates'), booth(4, 'pensions'), booth(5, 'pensions')];

export const cityCentre: DemoOfficeDefinition = {
  id: 'city-centre',
  office: {
    name: { ru: 'Центр госуслуг «Центральный» (демо)', uk: 'Центр держпослуг «Центральний» (демо)', en: 'City Centre Public Services (demo)' },
    address: { ru: 'г. Тверь, ул. Советская, 1', uk: 'м. Твер, вул. Радянська, 1', en: '1 Sovetskaya St, Tver' },
    phones: ['+7 4822 00-11-22'],
    timeZone: 'Europe/Moscow',
    languages: ['ru', 'uk', 'en'],
    defaultLanguage: 'ru',
    schedule: { weekly: hours, holidays: [], exceptions: [], cutoffMinutes: 15 },
    rules: { recallLimit: 2, postponeMinutes: 10, priorityRatio: { normal: 3, priority: 1 }, appointmentLeadMinutes: 5 },
    categories: [
      { id: 'disability', name: { ru: 'Инвалидность I–II группы', uk: 'Інвалідність I–II групи', en: 'Disability group I–II' } },
      { id: 'veteran', name: { ru: 'Ветеран', uk: 'Ветеран', en: 'Veteran' } },
    ],
  },
  services,
  counters,
};
