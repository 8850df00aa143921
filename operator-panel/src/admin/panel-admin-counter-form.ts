// Creating or editing one booth (PUT /api/config/counters/:id): its number and name, which
// services it serves and with what weight, its zone. Booth panels and signs follow at once.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Counter, PlannedBreak, Service, ServiceWeight } from '../../../common/protocol';
import { adminApi, mayEdit } from './admin-api';
import { Draft } from './admin-draft';
import { checkField, formFooter, issueLines, localizedFields, numberField, selectField, textField } from './admin-fields';
import { refusalText, type IssueReader } from './admin-issues';
import { adminStyles } from './admin-styles';
import { text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

type Weight = ServiceWeight | 'none';

export function newCounter(number: number): Counter {
  return { id: '', number, name: {}, services: [], zone: 'hall', active: true, plannedBreaks: [] };
}

@customElement('panel-admin-counter-form')
export class PanelAdminCounterForm extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) counter!: Counter;
  /** Every service, in kiosk order: the booth may serve any of them. */
  @property({ attribute: false }) services: Service[] = [];
  @property({ type: Boolean }) isNew = false;
  private readonly _draft = new Draft<Counter>(this);
  private readonly _edit = (change: (counter: Counter) => void) => this._draft.edit(change);

  protected override willUpdate(): void {
    this._draft.follow(this.counter);
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    const saved = await this._draft.save((counter) => adminApi(env.officeId).saveCounter(counter), (error) => refusalText(env.t, error));
    if (saved && this.isNew) this._close();
  }

  private _close(): void {
    this.dispatchEvent(new CustomEvent('editor-closed', { bubbles: true, composed: true }));
  }

  private _setWeight(serviceId: string, weight: Weight): void {
    this._edit((c) => {
      const others = c.services.filter((s) => s.serviceId !== serviceId);
      // Kept in the order of the service list, so saving twice writes the same document.
      const order = new Map(this.services.map((s, i) => [s.id, i]));
      c.services = (weight === 'none' ? others : [...others, { serviceId, weight }]).sort((a, b) => (order.get(a.serviceId) ?? 0) - (order.get(b.serviceId) ?? 0));
    });
  }

  override render() {
    const env = this._env;
    const counter = this._draft.value;
    if (!env || !counter) return html``;
    const { t } = env;
    const editable = mayEdit(env.user);
    const issues = this._draft.reader();
    const edit = this._edit;
    const weights: { value: Weight; label: string }[] = [
      { value: 'none', label: t('admin.counters.weight.none') },
      { value: 'main', label: t('admin.counters.weight.main') },
      { value: 'secondary', label: t('admin.counters.weight.secondary') },
    ];
    return html`<form class="card" @submit=${this._save} novalidate>
      <fieldset class="plain stack" ?disabled=${!editable}>
        <h2>${this.isNew ? t('admin.counters.creating') : t('admin.counters.editing', { name: text(env, this.counter.name) })}</h2>
        <div class="row">
          ${this.isNew ? textField('id', t('admin.counters.id'), counter.id, (v) => edit((c) => (c.id = v)), issues.at('id'), { wide: true }) : ''}
          ${numberField('number', t('admin.counters.number'), counter.number, (v) => edit((c) => (c.number = v ?? NaN)), issues.at('number'))}
          ${textField('zone', t('admin.counters.zone'), counter.zone, (v) => edit((c) => (c.zone = v)), issues.at('zone'))}
        </div>
        ${localizedFields(t, 'name', t('admin.counters.name'), counter.name, (v) => edit((c) => (c.name = v)), issues.at('name', true))}
        <fieldset>
          <legend>${t('admin.counters.services')}</legend>
          <div class="row">
            ${this.services.map((service) =>
              selectField(
                `services.${service.id}`,
                text(env, service.name),
                counter.services.find((s) => s.serviceId === service.id)?.weight ?? 'none',
                weights,
                (weight) => this._setWeight(service.id, weight),
              ),
            )}
          </div>
          ${issueLines(issues.at('services', true))}
        </fieldset>
        ${this._renderPlannedBreaks(env, counter, issues)}
        ${checkField('active', t('admin.counters.active'), counter.active, (on) => edit((c) => (c.active = on)))}
      </fieldset>
      ${editable
        ? formFooter(t, this._draft, issues.rest(), null, () => this._close())
        : html`<div><button type="button" data-role="close" @click=${this._close}>${t('admin.form.close')}</button></div>`}
    </form>`;
  }

  private _renderPlannedBreaks(env: PanelEnv, counter: Counter, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    const kinds: { value: PlannedBreak['kind']; label: string }[] = [
      { value: 'lunch', label: t('admin.counters.breakKind.lunch') },
      { value: 'technical', label: t('admin.counters.breakKind.technical') },
    ];
    return html`<fieldset>
      <legend>${t('admin.counters.plannedBreaks')}</legend>
      ${counter.plannedBreaks.map((planned, i) => {
        const path = `plannedBreaks.${i}`;
        return html`<div class="item">
          ${selectField(`${path}.kind`, t('admin.devices.kind'), planned.kind, kinds, (kind) => edit((c) => (c.plannedBreaks[i]!.kind = kind)), issues.at(`${path}.kind`))}
          ${textField(`${path}.start`, t('admin.schedule.breakFrom'), planned.start, (v) => edit((c) => (c.plannedBreaks[i]!.start = v)), issues.at(`${path}.start`), { type: 'time' })}
          ${textField(`${path}.end`, t('admin.schedule.breakTo'), planned.end, (v) => edit((c) => (c.plannedBreaks[i]!.end = v)), issues.at(path, true), { type: 'time' })}
          <button type="button" class="danger" @click=${() => edit((c) => c.plannedBreaks.splice(i, 1))}>${t('admin.form.remove')}</button>
        </div>`;
      })}
      <div>
        <button type="button" @click=${() => edit((c) => c.plannedBreaks.push({ kind: 'lunch', start: '13:00', end: '13:45' }))}>${t('admin.counters.addBreak')}</button>
      </div>
      ${issueLines(issues.at('plannedBreaks', true))}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-counter-form': PanelAdminCounterForm;
  }
}
