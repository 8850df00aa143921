import type { Catalogue } from '../catalogue';

export const common: Catalogue['common'] = {
  language: 'Русский',
  window: 'Окно {number}',
  ok: 'ОК',
  cancel: 'Отмена',
  retry: 'Повторить',
  close: 'Закрыть',
  back: 'Назад',
  loading: 'Загрузка…',
  reconnecting: 'Нет связи с сервером. Подключаемся снова…',
  noscript: 'Для этой страницы нужен JavaScript. Включите его в настройках браузера.',
  weekdayAfterPreposition: {
    mon: 'понедельник',
    tue: 'вторник',
    wed: 'среду',
    thu: 'четверг',
    fri: 'пятницу',
    sat: 'субботу',
    sun: 'воскресенье',
  },
  demoDevice: {
    kiosk: 'Терминал у входа',
    display: 'Табло в зале',
    printAgent: 'Принтер терминала',
  },
};
