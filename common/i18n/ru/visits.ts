import type { Catalogue } from '../catalogue';
import { plural } from '../plural';

export const visits: Catalogue['visits'] = {
  form: {
    heading: 'Приём {code}',
    key: 'Записать',
    reason: 'Причина обращения',
    result: 'Результат',
    choose: '— выберите —',
    other: 'Другое (опишите)',
    details: 'Подробности',
    name: 'ФИО посетителя',
    contact: 'Телефон или e-mail',
    kept: plural({
      one: 'ФИО и контакт хранятся {count} день',
      few: 'ФИО и контакт хранятся {count} дня',
      many: 'ФИО и контакт хранятся {count} дней',
      other: 'ФИО и контакт хранятся {count} дня',
    }),
    save: 'Сохранить',
    saved: 'Сохранено',
    recorded: 'Записано в {time}',
    needReason: 'Выберите причину или опишите её.',
    needResult: 'Выберите результат или опишите его.',
    loadFailed: 'Не удалось загрузить списки причин и результатов.',
  },
  journal: {
    entry: '{reason} → {result}',
    repeat: 'повторное обращение',
  },
  rating: {
    heading: 'Как прошёл ваш приём?',
    scores: {
      s1: 'Очень плохо',
      s2: 'Плохо',
      s3: 'Так себе',
      s4: 'Хорошо',
      s5: 'Отлично',
    },
    comment: 'Хотите что-то добавить? (необязательно)',
    send: 'Отправить',
    choose: 'Выберите оценку от 1 до 5.',
    thanks: 'Спасибо! Ваша оценка: {score} из 5.',
    tooMany: 'Слишком много попыток. Попробуйте через минуту.',
    failed: 'Не удалось отправить оценку. Попробуйте ещё раз.',
  },
};
