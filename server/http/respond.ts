// One way to answer over HTTP: `{ ok: true, data }` or `{ ok: false, error: { code, message } }`
// with the status from HTTP_STATUS. Raw exceptions never reach a client.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { HTTP_STATUS, type ApiError, type ErrorCode } from '../../common/protocol';

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export function fail(code: ErrorCode, message: string, details?: unknown): never {
  throw new ApiFailure(details === undefined ? { code, message } : { code, message, details });
}

/** Parses input with a zod schema, or fails with 'invalid-input' naming every bad field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    fail('invalid-input', `Invalid input — ${issues.join('; ')}`, { issues });
  }
  return result.data;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  return { code: 'internal', message: 'Something went wrong on the server; the action was not done' };
}

export function sendError(res: Response, error: ApiError): void {
  res.status(HTTP_STATUS[error.code]).json({ ok: false, error });
}

/** Wraps an async handler: its return value is sent as `{ ok: true, data }`, a throw as an error. */
export function handle<T>(fn: (req: Request, res: Response) => Promise<T> | T): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .then((data) => {
        if (!res.headersSent) res.json({ ok: true, data });
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiFailure)) req.log.error({ err: error }, 'unexpected error');
        if (res.headersSent) return next(error);
        sendError(res, toApiError(error));
      });
  };
}
