import type { Catalogue } from '../catalogue';

export const common: Catalogue['common'] = {
  language: 'Українська',
  window: 'Вікно {number}',
  ok: 'Гаразд',
  cancel: 'Скасувати',
  retry: 'Спробувати ще раз',
  close: 'Закрити',
  back: 'Назад',
  loading: 'Завантаження…',
  reconnecting: "Немає зв'язку із сервером. Під'єднуємося знову…",
  noscript: 'Для цієї сторінки потрібен JavaScript. Увімкніть його в налаштуваннях браузера.',
  demoDevice: {
    kiosk: 'Термінал біля входу',
    display: 'Табло в залі',
    printAgent: 'Принтер термінала',
  },
  weekdayAfterOn: {
    monday: 'понеділок',
    tuesday: 'вівторок',
    wednesday: 'середу',
    thursday: 'четвер',
    friday: 'пʼятницю',
    saturday: 'суботу',
    sunday: 'неділю',
  },
};
