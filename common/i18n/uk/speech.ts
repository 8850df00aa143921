import type { Catalogue } from '../catalogue';

export const speech: Catalogue['speech'] = {
  call: 'Талон номер {ticket}, підійдіть до вікна номер {counter}',
};
