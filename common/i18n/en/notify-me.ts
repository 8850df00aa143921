// The live ticket page's offer to tell the visitor when it is their turn (Web Push or SMS), and the
// page's own alert when the ticket is called while it is open.
export const notifyMe = {
  tellMe: 'Tell me when it is my turn',
  hint: 'This phone gets a notification, even with the page closed',
  asking: 'Turning notifications on…',
  on: 'This phone will be told when it is your turn',
  blocked: 'Notifications are blocked for this page. Allow them in the browser’s settings to be told',
  unavailable: 'This browser cannot show notifications from this page',
  failed: 'Notifications could not be turned on. Please try again',
  smsOffer: 'Or get an SMS',
  phone: 'Phone number',
  smsConsent: 'I agree that my number is kept for the office’s retention period and used only for messages about this ticket',
  smsSend: 'Send me an SMS',
  smsOn: 'You will get an SMS when it is your turn',
  smsFailed: 'The number was not accepted. Please check it and try again',
  calledTitle: 'Your turn! Window {number}',
} as const;
