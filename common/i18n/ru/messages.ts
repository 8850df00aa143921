import type { Catalogue } from '../catalogue';
import { plural } from '../plural';

// Russian plurals: one = 1, 21…; few = 2–4, 22–24…; many = 0, 5–20…; other = fractions.
export const messages: Catalogue['messages'] = {
  ticketAheadSubject: 'Талон {code}: скоро ваша очередь',
  ticketAhead: plural({
    one: 'Талон {code}: перед вами {count} человек. Вернитесь в зал.',
    few: 'Талон {code}: перед вами {count} человека. Вернитесь в зал.',
    many: 'Талон {code}: перед вами {count} человек. Вернитесь в зал.',
    other: 'Талон {code}: перед вами {count} человека. Вернитесь в зал.',
  }),
  ticketCalledSubject: 'Талон {code}: ваша очередь',
  ticketCalledAt: 'Ваша очередь: окно {counter}. Талон {code}.',
  ticketCalled: 'Ваша очередь: талон {code}. Смотрите табло.',
  bookingConfirmedSubject: 'Запись {code}: {date}, {time}',
  bookingConfirmed: '{office}: {service}, {date} в {time}. Код {code}.',
  bookingReminderSubject: 'Напоминание: {date}, {time}',
  bookingReminder: 'Напоминание. {office}: {service}, {date} в {time}. Код {code}.',
  bookingMovedSubject: 'Запись {code} перенесена: {date}, {time}',
  bookingMoved: '{office}: запись {code} перенесена на {date} в {time}.',
  bookingCancelledSubject: 'Запись {code} отменена',
  bookingCancelled: '{office}: запись {code} на {date} в {time} отменена.',
  openTicket: 'Ваш талон: {url}',
  manageBooking: 'Посмотреть, перенести или отменить запись: {url}',
  stopLine: 'Отписаться от сообщений: {url}',
  smsStop: 'Стоп: {url}',
  calendarTitle: '{service} · {office}',
  stopTitle: 'Отписаться от сообщений',
  stopExplain: 'Сообщения об этом талоне или записи больше не будут приходить по этому каналу.',
  stopButton: 'Отписаться',
  stopDone: 'Готово: сообщения сюда больше не придут.',
  stopUnknown: 'Эта ссылка больше не действует.',
  stopFailed: 'Не удалось отписаться. Попробуйте ещё раз.',
  testSubject: 'Talon: проверочное письмо',
  testText: 'Это проверочное письмо от «{office}»: настройки почтового сервера работают.',
};
