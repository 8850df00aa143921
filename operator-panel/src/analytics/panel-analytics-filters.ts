// The question every report answers: which period (presets or two dates) and which service (not
// asked for the office-wide reports). Emits `filters-change` with the whole new question; the parent owns it.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { serviceName } from '../shared/describe';
import { PERIOD_PRESETS, presetOf, presetPeriod, type AnalyticsFilters, type PeriodPreset } from './panel-analytics-query';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';

@customElement('panel-analytics-filters')
export class PanelAnalyticsFilters extends LitElement {
  static override styles = [
    panelStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--tl-space-2) var(--tl-space-3);
      }
      .presets {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-1);
        border: none;
        margin: 0;
        padding: 0;
      }
      .presets legend {
        font-size: var(--tl-text-s);
        color: var(--tl-text-muted);
        margin-bottom: var(--tl-space-1);
        padding: 0;
      }
      .presets button {
        min-height: 40px;
        font-size: var(--tl-text-s);
        border-width: 1px;
      }
      .presets button[aria-pressed='true'] {
        background: var(--tl-primary);
        color: var(--tl-primary-text);
      }
      input,
      select {
        min-height: 40px !important;
        font-size: var(--tl-text-s) !important;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) filters!: AnalyticsFilters;
  /** The office's today. */
  @property() today = '';
  /** Off for reports that always cover the whole office: a service choice would change nothing. */
  @property({ type: Boolean }) serviceFilter = true;

  private _change(next: Partial<AnalyticsFilters>): void {
    const filters = { ...this.filters, ...next };
    if (!filters.from || !filters.to || filters.from > filters.to) return;
    this.dispatchEvent(new CustomEvent<AnalyticsFilters>('filters-change', { detail: filters, bubbles: true, composed: true }));
  }

  private _preset(preset: PeriodPreset): void {
    this._change(presetPeriod(preset, this.today));
  }

  override render() {
    const { t, snapshot } = this._env;
    const chosen = presetOf(this.filters, this.today);
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
      <fieldset class="presets">
        <legend>${t('analytics.filters.period')}</legend>
        ${PERIOD_PRESETS.map(
          (p) => html`<button type="button" data-preset=${p} aria-pressed=${chosen === p ? 'true' : 'false'} @click=${() => this._preset(p)}>
            ${t(`analytics.filters.presets.${p}`)}
          </button>`,
        )}
      </fieldset>
      <label
        >${t('analytics.filters.from')}
        <input type="date" name="from" .value=${this.filters.from} max=${this.filters.to} required
          @change=${(e: Event) => this._change({ from: (e.target as HTMLInputElement).value })}
      /></label>
      <label
        >${t('analytics.filters.to')}
        <input type="date" name="to" .value=${this.filters.to} min=${this.filters.from} required
          @change=${(e: Event) => this._change({ to: (e.target as HTMLInputElement).value })}
      /></label>
      ${this.serviceFilter
        ? html`<label
            >${t('analytics.filters.service')}
            <select name="service" @change=${(e: Event) => this._change({ serviceId: (e.target as HTMLSelectElement).value || null })}>
              <option value="" ?selected=${this.filters.serviceId === null}>${t('analytics.filters.allServices')}</option>
              ${snapshot.services.map(
                (s) => html`<option value=${s.id} ?selected=${this.filters.serviceId === s.id}>${serviceName(this._env, s.id)}</option>`,
              )}
            </select>
          </label>`
        : ''}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-filters': PanelAnalyticsFilters;
  }
}
