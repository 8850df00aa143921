import type { Catalogue } from '../catalogue';
import { plural } from '../plural';

// Ukrainian plurals: one = 1, 21…; few = 2–4, 22–24…; many = 0, 5–20…; other = fractions.
export const messages: Catalogue['messages'] = {
  ticketAheadSubject: 'Талон {code}: скоро ваша черга',
  ticketAhead: plural({
    one: 'Талон {code}: перед вами {count} людина. Поверніться до зали.',
    few: 'Талон {code}: перед вами {count} людини. Поверніться до зали.',
    many: 'Талон {code}: перед вами {count} людей. Поверніться до зали.',
    other: 'Талон {code}: перед вами {count} людини. Поверніться до зали.',
  }),
  ticketCalledSubject: 'Талон {code}: ваша черга',
  ticketCalledAt: 'Ваша черга: вікно {counter}. Талон {code}.',
  ticketCalled: 'Ваша черга: талон {code}. Дивіться табло.',
  bookingConfirmedSubject: 'Запис {code}: {date}, {time}',
  bookingConfirmed: '{office}: {service}, {date} о {time}. Код {code}.',
  bookingReminderSubject: 'Нагадування: {date}, {time}',
  bookingReminder: 'Нагадування. {office}: {service}, {date} о {time}. Код {code}.',
  bookingMovedSubject: 'Запис {code} перенесено: {date}, {time}',
  bookingMoved: '{office}: запис {code} перенесено на {date} о {time}.',
  bookingCancelledSubject: 'Запис {code} скасовано',
  bookingCancelled: '{office}: запис {code} на {date} о {time} скасовано.',
  openTicket: 'Ваш талон: {url}',
  manageBooking: 'Переглянути, перенести або скасувати запис: {url}',
  stopLine: 'Відписатися від повідомлень: {url}',
  smsStop: 'Стоп: {url}',
  calendarTitle: '{service} · {office}',
  stopTitle: 'Відписатися від повідомлень',
  stopExplain: 'Повідомлення про цей талон або запис більше не надходитимуть цим каналом.',
  stopButton: 'Відписатися',
  stopDone: 'Готово: повідомлення сюди більше не надходитимуть.',
  stopUnknown: 'Це посилання більше не діє.',
  stopFailed: 'Не вдалося відписатися. Спробуйте ще раз.',
  testSubject: 'Talon: перевірний лист',
  testText: 'Це перевірний лист від «{office}»: налаштування поштового сервера працюють.',
};
