// The printed confirmation a visitor takes home, in the booking's language. The staff panel lives in
// nested shadow roots that a document-level print stylesheet cannot reach into, so the sheet is
// rendered into the light DOM at the end of <body> while a confirmation is open, and the print CSS
// shows nothing else on paper (on screen the sheet stays hidden).
import { html, render } from 'lit';
import { translatorFor } from '../../../common/i18n';
import type { Appointment, Lang } from '../../../common/protocol';
import { clockTime } from '../shared/format';
import { groupCode } from './panel-consultant-code';
import { longDay } from './panel-consultant-format';

export interface PrintedVisit {
  appointment: Appointment;
  serviceName: string;
  officeName: string;
  officeAddress: string;
  officePhones: readonly string[];
  lang: Lang;
  timeZone: string;
}

const SHEET_ID = 'talon-print-sheet';

const PRINT_CSS = `
@media screen { #${SHEET_ID} { display: none; } }
@media print {
  @page { size: A5 portrait; margin: 14mm; }
  body > :not(#${SHEET_ID}) { display: none !important; }
  body { background: #fff !important; }
}
#${SHEET_ID} { font-family: 'DejaVu Sans', 'Noto Sans', sans-serif; color: #000; font-size: 12pt; line-height: 1.4; }
#${SHEET_ID} h1 { margin: 0 0 4mm; font-size: 16pt; }
#${SHEET_ID} .office { margin: 0 0 6mm; padding-bottom: 3mm; border-bottom: 1px solid #000; }
#${SHEET_ID} .office strong { display: block; font-size: 13pt; }
#${SHEET_ID} dl { display: grid; grid-template-columns: auto 1fr; gap: 2mm 6mm; margin: 0 0 6mm; }
#${SHEET_ID} dt { font-weight: 600; }
#${SHEET_ID} dd { margin: 0; }
#${SHEET_ID} .code { font-family: 'DejaVu Sans Mono', monospace; font-size: 30pt; font-weight: 700; letter-spacing: 2mm; }
#${SHEET_ID} h2 { margin: 0 0 2mm; font-size: 12pt; }
#${SHEET_ID} p { margin: 0 0 3mm; }
`;

function sheet(visit: PrintedVisit) {
  const { appointment, lang, timeZone } = visit;
  const t = translatorFor(lang);
  return html`<h1>${t('consultant.confirmation.printTitle')}</h1>
    <div class="office">
      <strong>${visit.officeName}</strong>
      <span>${visit.officeAddress}</span>
      ${visit.officePhones.length > 0 ? html`<br /><span>${visit.officePhones.join(', ')}</span>` : ''}
    </div>
    <dl>
      <dt>${t('consultant.confirmation.code')}</dt>
      <dd class="code" data-print-code>${groupCode(appointment.code)}</dd>
      <dt>${t('consultant.confirmation.service')}</dt>
      <dd>${visit.serviceName}</dd>
      <dt>${t('consultant.confirmation.when')}</dt>
      <dd>${longDay(appointment.day, lang)}, ${clockTime(appointment.slotStart, lang, timeZone)}</dd>
    </dl>
    <h2>${t('consultant.confirmation.bringHeading')}</h2>
    <p>${t('consultant.confirmation.bring')}</p>
    <p>${t('consultant.confirmation.arrive')}</p>`;
}

/** Puts the visit's sheet where printing finds it; returns the function that takes it away. */
export function mountPrintSheet(visit: PrintedVisit): () => void {
  const style = document.createElement('style');
  style.textContent = PRINT_CSS;
  const container = document.createElement('section');
  container.id = SHEET_ID;
  container.lang = visit.lang;
  render(sheet(visit), container);
  document.head.append(style);
  document.body.append(container);
  return () => {
    style.remove();
    container.remove();
  };
}
