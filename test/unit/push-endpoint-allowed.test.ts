// Which push endpoints the server posts to (and the contacts route stores): https public host names
// only, so a visitor's subscription cannot point the server at the office's own network.
import { describe, expect, it } from 'vitest';
import { pushEndpointAllowed } from '../../server/notify/push/web-push-sender';

const allowed = (endpoint: string) => pushEndpointAllowed(new URL(endpoint));

describe('pushEndpointAllowed', () => {
  it('takes the real push services', () => {
    expect(allowed('https://fcm.googleapis.com/fcm/send/abc')).toBe(true);
    expect(allowed('https://updates.push.services.mozilla.com/wpush/v2/abc')).toBe(true);
    expect(allowed('https://web.push.apple.com/abc')).toBe(true);
    expect(allowed('https://wns2-par02p.notify.windows.com/w/?token=abc')).toBe(true);
  });

  it('refuses plain http', () => {
    expect(allowed('http://fcm.googleapis.com/fcm/send/abc')).toBe(false);
  });

  it('refuses IP literals in every spelling', () => {
    for (const endpoint of ['https://127.0.0.1/x', 'https://10.0.0.5:8443/x', 'https://169.254.169.254/latest', 'https://2130706433/x', 'https://0x7f.1/x', 'https://[::1]/x', 'https://[fd00::1]/x', 'https://[::ffff:127.0.0.1]/x']) {
      expect(allowed(endpoint), endpoint).toBe(false);
    }
  });

  it('refuses names that stay on the local network', () => {
    for (const endpoint of ['https://localhost/x', 'https://LOCALHOST./x', 'https://push.localhost/x', 'https://printer.local/x', 'https://metadata.google.internal/x', 'https://intranet/x']) {
      expect(allowed(endpoint), endpoint).toBe(false);
    }
  });
});
