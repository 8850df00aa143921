// Which of the visitor's fields the server refused: an `invalid-input` answer lists its issues as
// "path: message" lines (see server/http/respond.ts), the path starting with the field's name.
import type { ApiError } from '../../../common/protocol';
import type { VisitorField } from './book-visitor-form';

const VISITOR_FIELDS: readonly VisitorField[] = ['name', 'phone', 'email'];

export function refusedFields(error: ApiError): Set<VisitorField> {
  if (error.code !== 'invalid-input') return new Set();
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  const lines = Array.isArray(issues) ? issues.filter((l): l is string => typeof l === 'string') : [];
  return new Set(VISITOR_FIELDS.filter((field) => lines.some((line) => line.startsWith(`${field}:`) || line.startsWith(`${field}.`))));
}
