// Ticket data for printer tests: a Russian and a Ukrainian ticket whose texts use the letters that
// tell code pages apart (і ґ are missing from cp866; Ё and № are in both;
// the Russian one keeps to cp866, the Ukrainian one needs cp1251).
import type { TicketPrintData } from '../../printer/ticket-layout';

export const RUSSIAN_TICKET: TicketPrintData = {
  officeName: 'МФЦ "Мои документы" Центральный',
  officeAddress: 'г. Ёлкино, ул. Садовая, д. 5',
  phones: ['+7 495 123-45-67', '8 800 100-00-00'],
  ticketCode: 'А123',
  serviceName: 'Получение паспорта',
  issuedAt: '12.03.2025 09:41',
  peopleAhead: 4,
  expectedWait: '15 мин',
  liveUrl: 'https://talon.example/t/ab12cd',
  footer: ['Ждите вызова на табло. Справки: окно № 3'],
  language: 'ru',
  labels: {
    ticketNumber: 'Номер вашего талона',
    issuedAt: 'Время',
    peopleAhead: 'Перед вами',
    expectedWait: 'Ожидание',
    phones: 'Телефоны',
    liveStatus: 'Следите за очередью на телефоне',
  },
};

export const UKRAINIAN_TICKET: TicketPrintData = {
  officeName: 'ЦНАП Київ, Ґудзиківська філія',
  officeAddress: 'вул. Їжакова, 7, під’їзд 2',
  phones: ['+380 44 123 45 67'],
  ticketCode: 'Б007',
  serviceName: 'Реєстрація місця проживання',
  issuedAt: '12.03.2025 09:41',
  peopleAhead: 2,
  expectedWait: '10 хв',
  liveUrl: 'https://talon.example/t/ef34gh',
  footer: ['Вхід з ґанку. Очікуйте виклику на табло'],
  language: 'uk',
  labels: {
    ticketNumber: 'Номер вашого талона',
    issuedAt: 'Час',
    peopleAhead: 'Перед вами',
    expectedWait: 'Очікування',
    phones: 'Телефони',
    liveStatus: 'Стежте за чергою на телефоні',
  },
};
