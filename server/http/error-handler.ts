// The last Express handler: errors raised before a route's own `handle` (body parsing, decoding
// the path) answered in our shape, each with a message saying what was really wrong. Anything not
// recognised here is the server's fault: logged, and answered `internal` without details.
import type { ErrorRequestHandler } from 'express';
import type { ApiError } from '../../common/protocol';
import { sendError } from './respond';

/** What body-parser and the router attach to the errors they raise. */
interface RequestError {
  status?: number;
  type?: string;
}

/** body-parser's error types, by what the client sent wrong. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is too large',
  'encoding.unsupported': 'The request body has an unsupported content encoding',
  'charset.unsupported': 'The request body has an unsupported charset',
  'request.size.invalid': 'The request body is shorter or longer than its Content-Length',
  'request.aborted': 'The request was aborted before its body arrived',
};

function clientError(error: unknown): ApiError | null {
  if (error instanceof URIError) return { code: 'invalid-input', message: 'The URL has malformed percent-encoding (e.g. %E0%A4%A)' };
  const { status, type } = (error ?? {}) as RequestError;
  if (type !== undefined && type in BODY_ERRORS) return { code: 'invalid-input', message: BODY_ERRORS[type]! };
  if (status !== undefined && status >= 400 && status < 500) return { code: 'invalid-input', message: 'The request could not be read' };
  return null;
}

export const answerErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const refusal = clientError(error);
  if (refusal) return sendError(res, refusal);
  req.log.error({ err: error }, 'unexpected error');
  sendError(res, { code: 'internal', message: 'Something went wrong on the server; the action was not done' });
};
