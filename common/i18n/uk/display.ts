import type { Catalogue } from '../catalogue';

export const display: Catalogue['display'] = {
  ticket: 'Талон',
  window: 'Вікно',
  nowCalling: 'Викликаються',
  recentCalls: 'Останні виклики',
  waiting: 'У черзі',
  noCalls: 'Візьміть талон і очікуйте виклику',
  officeClosed: 'Установа зачинена',
  officeBreak: 'Перерва',
  enableSound: 'Торкніться екрана, щоб увімкнути звук',
  soundBlocked: 'Браузер заблокував звук на цьому табло',
  boothBreak: 'Перерва',
  boothClosed: 'Не працює',
  boothFree: 'Вільно',
  boothServing: 'Обслуговується',
  plannedLunch: 'Обід {start}–{end}',
  plannedTechnical: 'Технічна перерва {start}–{end}',
  unknownCounter: 'Табло показує вікно, якого немає: {counter}',
  refused: 'Сервер не прийняв це табло: {reason}',
  pageTitle: 'Табло в залі · {office}',
  signTitle: 'Вікно {number} · {office}',
};
