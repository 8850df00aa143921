import type { Catalogue } from '../catalogue';

export const speech: Catalogue['speech'] = {
  call: 'Талон номер {ticket}, пройдите к окну номер {counter}',
};
