import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SMS_SETTINGS, type SmsSettings } from '../../common/protocol';
import { SendFailure, type OfficeMessageContext, type RenderedMessage } from '../../server/notify/channel-sender';
import type { ChannelSettingsStore } from '../../server/notify/channel-settings-store';
import type { StoredContact } from '../../server/notify/contacts-store';
import { gatewayPhone, sendSms, smsRequest } from '../../server/notify/sms-gateway';
import { smsSender, smsText } from '../../server/notify/sms-sender';
import { startFakeSmsGateway, type FakeSmsGateway } from '../support/fake-sms-gateway';

const TEXT = 'Запис підтверджено: 5 грудня о 10:00 & "код" 4KX7 {phone} 100%';

function settings(gateway: FakeSmsGateway, override: Partial<SmsSettings>): SmsSettings {
  return { ...DEFAULT_SMS_SETTINGS, enabled: true, url: `${gateway.origin}/send`, ...override };
}

describe('the SMS request an office describes', () => {
  it('keeps the digits of a phone and its leading plus', () => {
    expect(gatewayPhone(' +7 (912) 345-67-89 ')).toBe('+79123456789');
    expect(gatewayPhone('8 912 345-67-89')).toBe('89123456789');
  });

  it('fills a JSON body so any text stays one valid JSON string', () => {
    const request = smsRequest({ ...DEFAULT_SMS_SETTINGS, url: 'https://sms.example/api', body: '{"to":"{phone}","message":"{text}","from":"Office"}' }, '+380 44 123 4567', `${TEXT}\nline 2`);
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request.body!)).toEqual({ to: '+380441234567', message: `${TEXT}\nline 2`, from: 'Office' });
  });

  it('leaves a {phone} inside the text as the text says', () => {
    const request = smsRequest({ ...DEFAULT_SMS_SETTINGS, contentType: 'text/plain', body: '{phone}: {text}' }, '123456', 'call {phone}');
    expect(request.body).toBe('123456: call {phone}');
  });

  it('encodes a form body and a GET URL so the text reads back exactly', () => {
    const form = smsRequest({ ...DEFAULT_SMS_SETTINGS, url: 'https://sms.example/api', contentType: 'application/x-www-form-urlencoded', body: 'to={phone}&msg={text}' }, '+7 912 3456789', TEXT);
    expect(Object.fromEntries(new URLSearchParams(form.body))).toEqual({ to: '+79123456789', msg: TEXT });
    const get = smsRequest({ ...DEFAULT_SMS_SETTINGS, method: 'GET', url: 'https://sms.example/send?to={phone}&text={text}', headers: { Authorization: 'Bearer k' } }, '+7 912 3456789', TEXT);
    expect(get).toEqual({ method: 'GET', url: expect.any(String), headers: { Authorization: 'Bearer k' } });
    expect(Object.fromEntries(new URL(get.url).searchParams)).toEqual({ to: '+79123456789', text: TEXT });
  });

  it('lets the admin choose the Content-Type among the headers', () => {
    const request = smsRequest({ ...DEFAULT_SMS_SETTINGS, headers: { 'Content-Type': 'application/vnd.sms+json' } }, '123456', 'hi');
    expect(request.headers).toEqual({ 'Content-Type': 'application/vnd.sms+json' });
  });
});

describe('sending through a gateway on loopback', () => {
  let gateway: FakeSmsGateway;
  beforeEach(async () => {
    gateway = await startFakeSmsGateway();
  });
  afterEach(() => gateway.close());

  it('posts the filled body with the office headers', async () => {
    await sendSms(settings(gateway, { body: '{"to":"{phone}","text":"{text}"}', headers: { 'X-Api-Key': 'secret-1' } }), '+7 912 345-67-89', TEXT);
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/send' });
    expect(request!.headers['x-api-key']).toBe('secret-1');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request!.body)).toEqual({ to: '+79123456789', text: TEXT });
  });

  it('sends a GET with the number and text in the query', async () => {
    await sendSms(settings(gateway, { method: 'GET', url: `${gateway.origin}/send?to={phone}&text={text}` }), '89123456789', TEXT);
    const url = new URL(gateway.requests[0]!.url, gateway.origin);
    expect(gateway.requests[0]!.method).toBe('GET');
    expect(Object.fromEntries(url.searchParams)).toEqual({ to: '89123456789', text: TEXT });
  });

  it('fails on an answer other than 2xx, naming only the status', async () => {
    gateway.answer(503);
    const sent = sendSms(settings(gateway, {}), '+79123456789', TEXT);
    await expect(sent).rejects.toThrow('SMS gateway answered 503');
    await sent.catch((error: Error) => expect(error.message).not.toMatch(/9123456789|Запис/));
  });

  it('fails when the gateway does not answer in time, or cannot be reached', async () => {
    gateway.answer('silent');
    await expect(sendSms(settings(gateway, {}), '+79123456789', TEXT, 300)).rejects.toThrow('SMS gateway: no answer within 300 ms');
    const url = `${gateway.origin}/send?to={phone}`;
    await gateway.close();
    const unreachable = sendSms(settings(gateway, { url }), '+79123456789', TEXT);
    await expect(unreachable).rejects.toThrow('SMS gateway: could not reach the gateway');
  });
});

describe('the SMS channel', () => {
  let gateway: FakeSmsGateway;
  beforeEach(async () => {
    gateway = await startFakeSmsGateway();
  });
  afterEach(() => gateway.close());

  const message: RenderedMessage = { subject: 'Запись 4KX7', text: 'Офис: приём 5 декабря в 10:00. Код 4KX7.', url: 'https://q.example/book/manage/', stopUrl: 'https://q.example/stop/#tok', urgent: false };
  const contact = { id: 'c1', channel: 'sms', address: '+7 912 345-67-89', language: 'ru' } as StoredContact;
  const office = (sms: SmsSettings): OfficeMessageContext => ({
    officeId: 'main',
    officeName: 'Офис',
    timeZone: 'Europe/Moscow',
    settings: { get: () => Promise.resolve(sms) } as unknown as ChannelSettingsStore,
  });

  it('sends the text and its stop link in the contact’s language to the contact’s phone', async () => {
    await smsSender.send(office(settings(gateway, {})), contact, message);
    expect(JSON.parse(gateway.requests[0]!.body)).toEqual({ to: '+79123456789', text: smsText('ru', message) });
    expect(smsText('ru', message)).toBe('Офис: приём 5 декабря в 10:00. Код 4KX7. Стоп: https://q.example/stop/#tok');
  });

  it('gives up on a refusal that retrying cannot change, and retries one that it can', async () => {
    gateway.answer(400);
    const refused = await smsSender.send(office(settings(gateway, {})), contact, message).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SendFailure);
    expect(refused).toMatchObject({ outcome: 'give-up' });
    for (const status of [429, 503]) {
      gateway.answer(status);
      const failed = await smsSender.send(office(settings(gateway, {})), contact, message).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(SendFailure);
      expect(failed).toMatchObject({ outcome: 'retry', message: `SMS gateway answered ${status}` });
    }
  });
});
