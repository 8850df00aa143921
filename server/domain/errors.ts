import type { ErrorCode } from '../../common/protocol';

/** A rule said no: the command changes nothing and the caller gets this code and message. */
export interface DomainError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export function domainError(code: ErrorCode, message: string, details?: unknown): DomainError {
  return details === undefined ? { code, message } : { code, message, details };
}
