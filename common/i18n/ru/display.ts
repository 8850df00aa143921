import type { Catalogue } from '../catalogue';

export const display: Catalogue['display'] = {
  ticket: 'Талон',
  window: 'Окно',
  nowCalling: 'Вызываются',
  recentCalls: 'Последние вызовы',
  waiting: 'В очереди',
  noCalls: 'Возьмите талон и ожидайте вызова',
  officeClosed: 'Учреждение закрыто',
  officeBreak: 'Перерыв',
  enableSound: 'Коснитесь экрана, чтобы включить звук',
  soundBlocked: 'Браузер заблокировал звук на этом табло',
  boothBreak: 'Перерыв',
  boothClosed: 'Не работает',
  boothFree: 'Свободно',
  boothServing: 'Обслуживается',
  plannedLunch: 'Обед {start}–{end}',
  plannedTechnical: 'Технический перерыв {start}–{end}',
  unknownCounter: 'Табло показывает окно, которого нет: {counter}',
  refused: 'Сервер не принял это табло: {reason}',
  pageTitle: 'Табло в зале · {office}',
  signTitle: 'Окно {number} · {office}',
};
