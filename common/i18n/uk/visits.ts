import type { Catalogue } from '../catalogue';
import { plural } from '../plural';

export const visits: Catalogue['visits'] = {
  form: {
    heading: 'Прийом {code}',
    key: 'Записати',
    reason: 'Причина звернення',
    result: 'Результат',
    choose: '— оберіть —',
    other: 'Інше (опишіть)',
    details: 'Подробиці',
    name: 'ПІБ відвідувача',
    contact: 'Телефон або e-mail',
    kept: plural({
      one: 'ПІБ і контакт зберігаються {count} день',
      few: 'ПІБ і контакт зберігаються {count} дні',
      many: 'ПІБ і контакт зберігаються {count} днів',
      other: 'ПІБ і контакт зберігаються {count} дня',
    }),
    save: 'Зберегти',
    saved: 'Збережено',
    recorded: 'Записано о {time}',
    needReason: 'Оберіть причину або опишіть її.',
    needResult: 'Оберіть результат або опишіть його.',
    loadFailed: 'Не вдалося завантажити списки причин і результатів.',
  },
  journal: {
    entry: '{reason} → {result}',
    repeat: 'повторне звернення',
  },
  rating: {
    heading: 'Як пройшов ваш прийом?',
    scores: {
      s1: 'Дуже погано',
      s2: 'Погано',
      s3: 'Так собі',
      s4: 'Добре',
      s5: 'Чудово',
    },
    comment: 'Бажаєте щось додати? (необов’язково)',
    send: 'Надіслати',
    choose: 'Оберіть оцінку від 1 до 5.',
    thanks: 'Дякуємо! Ваша оцінка: {score} з 5.',
    tooMany: 'Забагато спроб. Спробуйте за хвилину.',
    failed: 'Не вдалося надіслати оцінку. Спробуйте ще раз.',
  },
};
