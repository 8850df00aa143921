// The print agents' printers: connected or not, paper, jobs waiting, and a test page (admins).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PrinterInfo } from '../../../common/protocol/printing';
import { adminApi, mayEdit } from './admin-api';
import { issueLines } from './admin-fields';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

@customElement('panel-admin-printers')
export class PanelAdminPrinters extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) printers: PrinterInfo[] = [];
  /** The last test page's outcome, per agent. */
  @state() private _outcome = new Map<string, { ok: boolean; text: string }>();

  private async _testPage(agentId: string): Promise<void> {
    const env = this._env;
    if (!env) return;
    const result = await adminApi(env.officeId).testPage(agentId);
    this._outcome = new Map(this._outcome).set(agentId, result.ok ? { ok: true, text: env.t('admin.printers.testSent') } : { ok: false, text: refusalText(env.t, result.error) });
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    return html`<div class="stack">
      <h2>${t('admin.printers.heading')}</h2>
      ${this.printers.length === 0 ? html`<span class="muted">${t('admin.printers.none')}</span>` : ''}
      <table>
        <tbody>
          ${this.printers.map((p) => {
            const outcome = this._outcome.get(p.agentId);
            const paper = p.status?.paper;
            return html`<tr data-printer=${p.agentId}>
              <td>${p.name}${p.model ? html`<div class="muted">${p.model} · ${p.paper}</div>` : ''}</td>
              <td class=${p.connected ? 'ok' : 'warn'}>${t(p.connected ? 'admin.printers.connected' : 'admin.printers.disconnected')}</td>
              <td>
                ${p.status
                  ? html`<div class=${p.status.online ? 'ok' : 'warn'}>${t(p.status.online ? 'admin.printers.printerOnline' : 'admin.printers.printerOffline')}</div>
                      <div class=${paper === 'ok' ? 'ok' : 'warn'}>${t(`admin.printers.paper.${paper ?? 'unknown'}`)}</div>
                      ${p.status.error ? html`<div class="warn">${p.status.error}</div>` : ''}`
                  : html`<span class="muted">${t('admin.printers.noReport')}</span>`}
              </td>
              <td>${t('admin.printers.pending', { count: p.pendingJobs })}</td>
              <td>
                ${mayEdit(env.user) ? html`<button type="button" data-role="test-page" @click=${() => void this._testPage(p.agentId)}>${t('admin.printers.testPage')}</button>` : ''}
                ${outcome?.ok ? html`<div class="saved" role="status">${outcome.text}</div>` : issueLines(outcome ? [outcome.text] : [])}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-printers': PanelAdminPrinters;
  }
}
