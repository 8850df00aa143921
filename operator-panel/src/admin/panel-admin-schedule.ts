// Opening hours: a rule per weekday (open, close, breaks, optionally only some weeks of the month
// such as the 2nd and 4th Saturday), holidays, one-off changes (closed, or special hours) and the
// cut-off before closing. Part of the office document, saved with PUT /api/config/office.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DayHours, OfficeSchedule } from '../../../common/protocol';
import { adminApi, mayEdit, type AdminConfig } from './admin-api';
import { Draft } from './admin-draft';
import { checkField, formFooter, issueLines, numberField, selectField, textField } from './admin-fields';
import { refusalText, type IssueReader } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WEEKS_OF_MONTH = [1, 2, 3, 4, 5] as const;

/** The weekday's name from Intl (1 = Monday): 2024-01-01 was a Monday. */
function weekdayName(lang: string, weekday: number): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));
}

const ordinaryDay = (): DayHours => ({ open: '09:00', close: '18:00', breaks: [] });

@customElement('panel-admin-schedule')
export class PanelAdminSchedule extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) config!: AdminConfig;
  private readonly _draft = new Draft<OfficeSchedule>(this);
  private readonly _edit = (change: (schedule: OfficeSchedule) => void) => this._draft.edit(change);

  protected override willUpdate(): void {
    this._draft.follow(this.config.office.schedule);
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    // The rest of the office as saved: the Office tab's unsaved edits are not ours to send.
    if (env) await this._draft.save((schedule) => adminApi(env.officeId).saveOffice({ ...this.config.office, schedule }), (error) => refusalText(env.t, error));
  }

  override render() {
    const env = this._env;
    const schedule = this._draft.value;
    if (!env || !schedule) return html``;
    const { t } = env;
    const editable = mayEdit(env.user);
    const issues = this._draft.reader();
    const edit = this._edit;
    return html`<form @submit=${this._save} novalidate>
      <fieldset class="plain stack" ?disabled=${!editable}>
        <h2>${t('admin.sections.schedule')}</h2>
        <fieldset data-part="weekly">
          <legend>${t('admin.schedule.weekly')}</legend>
          ${schedule.weekly.map(
            (rule, i) => html`<div class="item stack" data-weekly=${i}>
              <div class="row">
                ${selectField(
                  `schedule.weekly.${i}.weekday`,
                  t('admin.schedule.weekday'),
                  String(rule.weekday),
                  WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(env.lang, d) })),
                  (d) => edit((s) => (s.weekly[i]!.weekday = Number(d))),
                  issues.at(`schedule.weekly.${i}.weekday`),
                )}
                ${this._renderHours(env, `schedule.weekly.${i}.hours`, rule.hours, (change) => edit((s) => change(s.weekly[i]!.hours)), issues)}
                <button type="button" class="danger" @click=${() => edit((s) => s.weekly.splice(i, 1))}>${t('admin.form.remove')}</button>
              </div>
              <div class="row">
                <span class="muted">${t('admin.schedule.weeksOfMonth')}</span>
                ${WEEKS_OF_MONTH.map((week) =>
                  checkField(`schedule.weekly.${i}.weeksOfMonth.${week}`, t('admin.schedule.week', { number: week }), rule.weeksOfMonth?.includes(week) ?? false, (on) =>
                    edit((s) => {
                      const weeks = WEEKS_OF_MONTH.filter((w) => (w === week ? on : (s.weekly[i]!.weeksOfMonth ?? []).includes(w)));
                      // No week ticked means every week: the schedule says so by leaving the list out.
                      if (weeks.length > 0) s.weekly[i]!.weeksOfMonth = weeks;
                      else delete s.weekly[i]!.weeksOfMonth;
                    }),
                  ),
                )}
                ${issueLines(issues.at(`schedule.weekly.${i}`, true))}
              </div>
            </div>`,
          )}
          <div>
            <button type="button" @click=${() => edit((s) => s.weekly.push({ weekday: 1, hours: ordinaryDay() }))}>${t('admin.schedule.addDay')}</button>
          </div>
          ${issueLines(issues.at('schedule.weekly', true))}
        </fieldset>
        ${this._renderHolidays(env, schedule, issues)} ${this._renderExceptions(env, schedule, issues)}
        <div class="row">
          ${numberField('schedule.cutoffMinutes', t('admin.schedule.cutoff'), schedule.cutoffMinutes, (v) => edit((s) => (s.cutoffMinutes = v ?? NaN)), issues.at('schedule.cutoffMinutes'))}
        </div>
      </fieldset>
      ${editable ? formFooter(t, this._draft, issues.rest(), () => this._draft.reset(this.config.office.schedule)) : ''}
    </form>`;
  }

  /** Opening, closing and breaks of one day; `path` is where the server reports their issues. */
  private _renderHours(env: PanelEnv, path: string, hours: DayHours, edit: (change: (hours: DayHours) => void) => void, issues: IssueReader) {
    const { t } = env;
    return html`${textField(`${path}.open`, t('admin.schedule.open'), hours.open, (v) => edit((h) => (h.open = v)), issues.at(`${path}.open`), { type: 'time' })}
      ${textField(`${path}.close`, t('admin.schedule.close'), hours.close, (v) => edit((h) => (h.close = v)), issues.at(`${path}.close`), { type: 'time' })}
      ${hours.breaks.map(
        (range, b) => html`<div class="row">
          ${textField(`${path}.breaks.${b}.start`, t('admin.schedule.breakFrom'), range.start, (v) => edit((h) => (h.breaks[b]!.start = v)), issues.at(`${path}.breaks.${b}.start`), { type: 'time' })}
          ${textField(`${path}.breaks.${b}.end`, t('admin.schedule.breakTo'), range.end, (v) => edit((h) => (h.breaks[b]!.end = v)), issues.at(`${path}.breaks.${b}`, true), { type: 'time' })}
          <button type="button" class="danger" aria-label=${t('admin.form.remove')} @click=${() => edit((h) => h.breaks.splice(b, 1))}>×</button>
        </div>`,
      )}
      <button type="button" @click=${() => edit((h) => h.breaks.push({ start: '13:00', end: '14:00' }))}>${t('admin.schedule.addBreak')}</button>
      ${issueLines(issues.at(path, true))}`;
  }

  private _renderHolidays(env: PanelEnv, schedule: OfficeSchedule, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    return html`<fieldset data-part="holidays">
      <legend>${t('admin.schedule.holidays')}</legend>
      ${schedule.holidays.length === 0 ? html`<span class="muted">${t('admin.schedule.nothing')}</span>` : ''}
      ${schedule.holidays.map(
        (holiday, i) => html`<div class="item">
          ${textField(`schedule.holidays.${i}.date`, t('admin.schedule.date'), holiday.date, (v) => edit((s) => (s.holidays[i]!.date = v)), issues.at(`schedule.holidays.${i}.date`), { type: 'date' })}
          ${textField(`schedule.holidays.${i}.name`, t('admin.schedule.holidayName'), holiday.name, (v) => edit((s) => (s.holidays[i]!.name = v)), issues.at(`schedule.holidays.${i}`, true), { wide: true })}
          <button type="button" class="danger" @click=${() => edit((s) => s.holidays.splice(i, 1))}>${t('admin.form.remove')}</button>
        </div>`,
      )}
      <div><button type="button" data-add="holiday" @click=${() => edit((s) => s.holidays.push({ date: '', name: '' }))}>${t('admin.schedule.addHoliday')}</button></div>
      ${issueLines(issues.at('schedule.holidays', true))}
    </fieldset>`;
  }

  private _renderExceptions(env: PanelEnv, schedule: OfficeSchedule, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    return html`<fieldset data-part="exceptions">
      <legend>${t('admin.schedule.exceptions')}</legend>
      ${schedule.exceptions.length === 0 ? html`<span class="muted">${t('admin.schedule.nothing')}</span>` : ''}
      ${schedule.exceptions.map((exception, i) => {
        const path = `schedule.exceptions.${i}`;
        return html`<div class="item stack">
          <div class="row">
            ${textField(`${path}.date`, t('admin.schedule.date'), exception.date, (v) => edit((s) => (s.exceptions[i]!.date = v)), issues.at(`${path}.date`), { type: 'date' })}
            ${checkField(`${path}.closed`, t('admin.schedule.closedAllDay'), exception.closed === true, (closed) =>
              edit((s) => {
                const { date, note } = s.exceptions[i]!;
                s.exceptions[i] = closed ? { date, closed: true, ...(note ? { note } : {}) } : { date, hours: ordinaryDay(), ...(note ? { note } : {}) };
              }),
            )}
            ${textField(`${path}.note`, t('admin.schedule.note'), exception.note ?? '', (v) => edit((s) => (s.exceptions[i]!.note = v)), issues.at(`${path}.note`), { wide: true })}
            <button type="button" class="danger" @click=${() => edit((s) => s.exceptions.splice(i, 1))}>${t('admin.form.remove')}</button>
          </div>
          ${exception.closed === true
            ? ''
            : html`<div class="row">
                ${this._renderHours(env, `${path}.hours`, exception.hours, (change) => edit((s) => change((s.exceptions[i] as { hours: DayHours }).hours)), issues)}
              </div>`}
          ${issueLines(issues.at(path, true))}
        </div>`;
      })}
      <div><button type="button" @click=${() => edit((s) => s.exceptions.push({ date: '', closed: true }))}>${t('admin.schedule.addException')}</button></div>
      ${issueLines(issues.at('schedule.exceptions', true))}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-schedule': PanelAdminSchedule;
  }
}
