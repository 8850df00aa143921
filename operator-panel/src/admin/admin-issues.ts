// The server's refusal of a settings form, sorted by field: `invalid-input` carries
// `details.issues` as "path: message" lines (path like `schedule.weekly.0.hours.open`, or `body`
// for a rule about the whole document). Each field takes its own lines; whatever no field took is
// shown by the form's Save button, so no message is ever lost.
import type { Translator } from '../../../common/i18n';
import type { ApiError } from '../../../common/protocol';

export interface Issue {
  path: string;
  message: string;
}

/** The issues of one refusal; an error that is not about fields becomes one `body` issue. */
export function issuesOf(error: ApiError, fallback: string): Issue[] {
  const details = error.details as { issues?: unknown } | undefined;
  const lines = Array.isArray(details?.issues) ? details.issues.filter((l): l is string => typeof l === 'string') : [];
  if (error.code !== 'invalid-input' || lines.length === 0) return [{ path: 'body', message: fallback }];
  return lines.map((line) => {
    const colon = line.indexOf(': ');
    return colon < 0 ? { path: 'body', message: line } : { path: line.slice(0, colon), message: line.slice(colon + 2) };
  });
}

/**
 * Hands out issues to fields during one render. Fields are rendered before the form's footer, so
 * by the time the footer asks for `rest()` every field has taken its own.
 */
export class IssueReader {
  private readonly taken = new Set<Issue>();

  constructor(private readonly issues: readonly Issue[]) {}

  /** Messages for exactly this path, or with `nested` also for anything inside it. */
  at(path: string, nested = false): string[] {
    const mine = this.issues.filter((i) => !this.taken.has(i) && (i.path === path || (nested && i.path.startsWith(`${path}.`))));
    for (const issue of mine) this.taken.add(issue);
    return mine.map((i) => i.message);
  }

  rest(): string[] {
    return this.issues.filter((i) => !this.taken.has(i)).map((i) => (i.path === 'body' ? i.message : `${i.path}: ${i.message}`));
  }
}

/** A refusal in the admin's language; a clash (`conflict`) adds the server's words, which name what clashed. */
export function refusalText(t: Translator, error: ApiError): string {
  const text = t(`errors.${error.code}`);
  return error.code === 'conflict' ? `${text} ${error.message}` : text;
}
