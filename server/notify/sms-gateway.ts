// A generic HTTP SMS gateway (#13): most providers take one HTTP request with the number and the text
// in its URL or body, so an office describes its provider's request as templates with {phone} and
// {text}, and this file fills them in, each value encoded for where it lands (a URL, JSON, a form, plain
// text). Any answer but 2xx, or none within the timeout, is a failure the dispatcher retries. The
// number, the text and the URL holding them are personal data: errors name only the status.
import type { SmsSettings } from '../../common/protocol';

/** A gateway that has not answered by then is counted as failed; the dispatcher tries again later. */
export const SMS_TIMEOUT_MS = 10_000;

export interface SmsRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

type Encode = (value: string) => string;

/** Inside a JSON string literal: what JSON.stringify writes between the quotes. */
const inJson: Encode = (value) => JSON.stringify(value).slice(1, -1);
const inForm: Encode = (value) => new URLSearchParams({ v: value }).toString().slice(2);
const asIs: Encode = (value) => value;

const BODY_ENCODING: Record<SmsSettings['contentType'], Encode> = {
  'application/json': inJson,
  'application/x-www-form-urlencoded': inForm,
  'text/plain': asIs,
};

/** The number as gateways take it: its digits, with a leading + when the visitor wrote one. */
export function gatewayPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

function fill(template: string, phone: string, text: string, encode: Encode): string {
  // One pass, so a {phone} inside the text is left as the visitor's text, not replaced again.
  return template.replace(/\{(phone|text)\}/g, (_, name: string) => encode(name === 'phone' ? phone : text));
}

/** The request the office's gateway expects for one message. */
export function smsRequest(settings: SmsSettings, phone: string, text: string): SmsRequest {
  const number = gatewayPhone(phone);
  const url = fill(settings.url, number, text, encodeURIComponent);
  if (settings.method === 'GET') return { method: 'GET', url, headers: { ...settings.headers } };
  const body = fill(settings.body, number, text, BODY_ENCODING[settings.contentType]);
  // A Content-Type the admin wrote among the headers is theirs to choose (some gateways want their own).
  const ownType = Object.keys(settings.headers).some((name) => name.toLowerCase() === 'content-type');
  const headers = ownType ? { ...settings.headers } : { 'content-type': `${settings.contentType}; charset=utf-8`, ...settings.headers };
  return { method: 'POST', url, headers, body };
}

/** Sends one SMS; rejects when the gateway does not accept it (non-2xx, unreachable, too slow). */
export async function sendSms(settings: SmsSettings, phone: string, text: string, timeoutMs = SMS_TIMEOUT_MS): Promise<void> {
  const { method, url, headers, body } = smsRequest(settings, phone, text);
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    // fetch's errors may quote the URL, which holds the number: keep only what kind of failure it was.
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'could not reach the gateway';
    throw new Error(`SMS gateway: ${why}`);
  }
  // Read the answer to the end so the connection is freed; its content is the provider's, not ours to log.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new GatewayRefused(response.status);
}

/** The gateway answered, but not with 2xx. */
export class GatewayRefused extends Error {
  constructor(readonly status: number) {
    super(`SMS gateway answered ${status}`);
  }
}
