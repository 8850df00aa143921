import type { Catalogue } from '../catalogue';
import { plural } from '../plural';

// Russian plurals: one = 1, 21, 31…; few = 2–4, 22–24…; many = 0, 5–20, 25…; other = fractions.
export const ticket: Catalogue['ticket'] = {
  yourNumber: 'Номер вашего талона',
  service: 'Услуга: {service}',
  issued: 'Выдан: {date} {time}',
  date: '{day} {month} {year}',
  appointment: 'Запись на {time}',
  outOfTurn: 'Вне очереди',
  peopleAhead: plural({
    '=0': 'Перед вами никого нет',
    one: 'Перед вами {count} человек',
    few: 'Перед вами {count} человека',
    many: 'Перед вами {count} человек',
    other: 'Перед вами {count} человека',
  }),
  expectedWait: plural({
    '=0': 'Ожидание: меньше минуты',
    one: 'Ожидание: около {count} минуты',
    few: 'Ожидание: около {count} минут',
    many: 'Ожидание: около {count} минут',
    other: 'Ожидание: около {count} минуты',
  }),
  expectedWaitUnknown: 'Ожидание: пока нельзя оценить',
  waitForCall: 'Ждите вызова на табло',
  trackOnline: 'Следите за очередью онлайн',
  phones: 'Тел.: {phones}',
  duplicate: 'Дубликат',
  label: {
    issued: 'Выдан',
    peopleAhead: 'Перед вами',
    expectedWait: 'Ожидание',
    phones: 'Тел.',
  },
  waitValue: plural({
    '=0': 'меньше минуты',
    one: 'около {count} минуты',
    few: 'около {count} минут',
    many: 'около {count} минут',
    other: 'около {count} минуты',
  }),
  waitValueUnknown: 'пока нельзя оценить',
};
