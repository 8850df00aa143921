import type { Catalogue } from '../catalogue';
import { plural } from '../plural';

// Ukrainian plurals follow the Russian pattern: one = 1, 21…; few = 2–4, 22–24…; many = 0, 5–20…
export const ticket: Catalogue['ticket'] = {
  yourNumber: 'Номер вашого талона',
  service: 'Послуга: {service}',
  issued: 'Видано: {date} {time}',
  date: '{day} {month} {year}',
  appointment: 'Запис на {time}',
  outOfTurn: 'Поза чергою',
  peopleAhead: plural({
    '=0': 'Перед вами нікого немає',
    one: 'Перед вами {count} людина',
    few: 'Перед вами {count} людини',
    many: 'Перед вами {count} людей',
    other: 'Перед вами {count} людини',
  }),
  expectedWait: plural({
    '=0': 'Очікування: менше хвилини',
    one: 'Очікування: близько {count} хвилини',
    few: 'Очікування: близько {count} хвилин',
    many: 'Очікування: близько {count} хвилин',
    other: 'Очікування: близько {count} хвилини',
  }),
  expectedWaitUnknown: 'Очікування: поки не можна оцінити',
  waitForCall: 'Очікуйте виклику на табло',
  trackOnline: 'Стежте за чергою онлайн',
  phones: 'Тел.: {phones}',
  duplicate: 'Дублікат',
  label: {
    issued: 'Видано',
    peopleAhead: 'Перед вами',
    expectedWait: 'Очікування',
    phones: 'Тел.',
  },
  waitValue: plural({
    '=0': 'менше хвилини',
    one: 'близько {count} хвилини',
    few: 'близько {count} хвилин',
    many: 'близько {count} хвилин',
    other: 'близько {count} хвилини',
  }),
  waitValueUnknown: 'поки не можна оцінити',
};
