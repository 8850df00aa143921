import type { Catalogue } from '../catalogue';

export const booking: Catalogue['booking'] = {
  title: 'Запис на прийом',
  service: 'Послуга',
  day: 'День',
  time: 'Час',
  noSlots: 'На цей день вільного часу немає. Оберіть інший день.',
  noServices: 'Запис зараз недоступний.',
  name: "Ваше ім'я",
  phone: 'Номер телефону',
  submit: 'Записатися на цей час',
  sending: 'Записуємо…',
  chosen: '{service}, {date} о {time}',
  codeTitle: 'Ваш код запису',
  codeHint: 'В офісі введіть цей код у терміналі або назвіть його консультанту. Будь ласка, приходьте вчасно.',
  another: 'Записатися ще раз',
  phoneLimit: 'На цей номер телефону вже оформлено максимальну кількість записів.',
  loadFailed: 'Сервіс запису недоступний. Спробуйте пізніше.',
};
