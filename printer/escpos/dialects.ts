// The command set for a printer's dialect; kept apart from the CommandSet interface, which the
// sets themselves implement, so the sets and their interface do not import each other.
import type { CommandDialect } from '../profiles';
import type { CommandSet } from './commands';
import { ESC_POS_COMMANDS } from './escpos-commands';
import { STAR_LINE_COMMANDS } from './star-line-commands';

export function commandSetFor(dialect: CommandDialect): CommandSet {
  return dialect === 'escpos' ? ESC_POS_COMMANDS : STAR_LINE_COMMANDS;
}
