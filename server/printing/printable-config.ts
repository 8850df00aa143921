// An office's texts against the printers that print them: a configuration that would put a letter
// on a ticket which a print agent's printer has no code page for is refused with a clear message —
// never printed as '?'. Checked against the model each print agent last reported, as stored with
// its device, so the check holds from the first minute after a restart.
import type { Device } from '../../common/protocol';
import { checkProfileSupports } from '../../printer/printable-text';
import { PAPERS, PRINTER_MODELS, printerProfile, type PrinterModelId } from '../../printer/profiles';
import type { QueueConfig } from '../domain/state';

/** Every office-entered text that can appear on a ticket, in every language the office uses. */
function ticketTexts(config: QueueConfig): string[] {
  const { office } = config;
  const texts = [office.name, office.address, office.ticketLayout.footer, ...[...config.services.values()].filter((s) => s.active).map((s) => s.name)];
  return texts.flatMap((text) => office.languages.map((lang) => text[lang] ?? '')).concat(office.phones);
}

function isModel(model: string): model is PrinterModelId {
  return Object.hasOwn(PRINTER_MODELS, model);
}

function isPaper(paper: string): paper is keyof typeof PAPERS {
  return Object.hasOwn(PAPERS, paper);
}

/** Null when every print agent's printer can print the configuration; otherwise what is missing where. */
export function unprintableConfiguration(config: QueueConfig, devices: readonly Device[]): string | null {
  const texts = ticketTexts(config);
  for (const device of devices) {
    if (device.kind !== 'print-agent' || device.revoked || !device.printer) continue;
    const { model, paper } = device.printer;
    if (!isModel(model) || !isPaper(paper)) continue;
    const support = checkProfileSupports(printerProfile(model, paper), texts);
    if (!support.ok) return `${support.error.message} (print agent "${device.name}"): change the text or the printer's model`;
  }
  return null;
}
