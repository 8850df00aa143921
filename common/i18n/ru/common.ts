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
