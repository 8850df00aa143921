/**
 * A refusal the administrator can act on (no such user, database not migrated, bad date): talon
 * prints its message as one line and exits non-zero, without a stack trace.
 */
export class CliFailure extends Error {}
