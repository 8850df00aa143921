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
  demoDevice: {
    kiosk: 'Терминал у входа',
    display: 'Табло в зале',
    printAgent: 'Принтер терминала',
  },
  weekdayAfterOn: {
    monday: 'понедельник',
    tuesday: 'вторник',
    wednesday: 'среду',
    thursday: 'четверг',
    friday: 'пятницу',
    saturday: 'субботу',
    sunday: 'воскресенье',
  },
};
