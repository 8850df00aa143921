// The office settings area: one tab per part of the configuration. Admins edit; managers see the
// same forms disabled (and the server refuses their changes anyway). Staff accounts and device keys
// are for admins only, so managers do not get those tabs' editing parts.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { MessageKey } from '../../../common/i18n';
import type { PublicOffice } from '../../../common/protocol';
import { adminApi, type AdminConfig } from './admin-api';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-admin-appointments';
import './panel-admin-counters';
import './panel-admin-devices';
import './panel-admin-office';
import './panel-admin-offices';
import './panel-admin-messages';
import './panel-admin-remote-join';
import './panel-admin-schedule';
import './panel-admin-services';
import './panel-admin-retention';
import './panel-admin-users';
import './panel-admin-visit-journal';

interface Section {
  id: string;
  label: MessageKey;
  adminOnly: boolean;
  /** The organisation's offices: only a regional admin creates and archives them. */
  regionalAdminOnly?: boolean;
}

const SECTIONS = [
  { id: 'office', label: 'admin.sections.office', adminOnly: false },
  { id: 'schedule', label: 'admin.sections.schedule', adminOnly: false },
  { id: 'services', label: 'admin.sections.services', adminOnly: false },
  { id: 'counters', label: 'admin.sections.counters', adminOnly: false },
  { id: 'users', label: 'admin.sections.users', adminOnly: true },
  { id: 'devices', label: 'admin.sections.devices', adminOnly: false },
  { id: 'visitJournal', label: 'admin.sections.visitJournal', adminOnly: false },
  { id: 'appointments', label: 'admin.sections.appointments', adminOnly: false },
  { id: 'remoteJoin', label: 'join.adminTitle', adminOnly: true },
  { id: 'messages', label: 'messages.admin.section', adminOnly: true },
  { id: 'retention', label: 'admin.retention.section', adminOnly: true },
  { id: 'offices', label: 'offices.admin.nav', adminOnly: true, regionalAdminOnly: true },
] as const satisfies readonly Section[];

type SectionId = (typeof SECTIONS)[number]['id'];

const RENDERERS: Record<SectionId, (config: AdminConfig) => unknown> = {
  office: (config) => html`<panel-admin-office .config=${config}></panel-admin-office>`,
  schedule: (config) => html`<panel-admin-schedule .config=${config}></panel-admin-schedule>`,
  services: (config) => html`<panel-admin-services .config=${config}></panel-admin-services>`,
  counters: (config) => html`<panel-admin-counters .config=${config}></panel-admin-counters>`,
  users: () => html`<panel-admin-users></panel-admin-users>`,
  devices: () => html`<panel-admin-devices></panel-admin-devices>`,
  visitJournal: () => html`<panel-admin-visit-journal></panel-admin-visit-journal>`,
  appointments: (config) => html`<panel-admin-appointments .config=${config}></panel-admin-appointments>`,
  remoteJoin: (config) => html`<panel-admin-remote-join .config=${config}></panel-admin-remote-join>`,
  messages: () => html`<panel-admin-messages></panel-admin-messages>`,
  retention: () => html`<panel-admin-retention></panel-admin-retention>`,
  offices: () => html`<panel-admin-offices></panel-admin-offices>`,
};

@customElement('panel-admin')
export class PanelAdmin extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        display: grid;
        /* minmax(0, …): a wide table inside must not stretch the page past the screen. */
        grid-template-columns: 12rem minmax(0, 1fr);
        gap: var(--tl-space-4);
        align-items: start;
      }
      nav {
        position: sticky;
        top: var(--tl-space-3);
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-1);
      }
      nav button {
        justify-content: flex-start;
        border-color: transparent;
        background: transparent;
      }
      nav button[aria-current='page'] {
        background: var(--tl-primary);
        color: var(--tl-primary-text);
      }
      .read-only {
        margin: 0 0 var(--tl-space-3);
        padding: var(--tl-space-2) var(--tl-space-3);
        border-radius: 8px;
        background: #fdecd8;
        color: var(--tl-warning);
        font-weight: 600;
      }
      /* A phone: the sections' list goes above the section, which then has the whole width. */
      @media (max-width: 48rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
        nav {
          position: static;
          flex-flow: row wrap;
        }
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @state() private _section: SectionId = 'office';
  @state() private _config: AdminConfig | null = null;
  /** The snapshot's office object we last loaded for: a new one means a fresh snapshot, maybe a new configuration. */
  private _loadedFor: PublicOffice | null = null;

  private _open(section: SectionId): void {
    this._section = section;
    // A new section starts at its top, not where the last long form was scrolled to.
    window.scrollTo({ top: 0 });
  }

  protected override willUpdate(): void {
    // The snapshot omits the schedule and announcements, so the settings read GET /api/config; the
    // server's `config:changed` makes the session fetch a new snapshot, and that a new config here.
    const office = this._env?.snapshot.office ?? null;
    if (office && office !== this._loadedFor) {
      this._loadedFor = office;
      void this._load();
    }
  }

  private async _load(): Promise<void> {
    const env = this._env;
    if (!env) return;
    const result = await adminApi(env.officeId).configuration();
    if (result.ok) this._config = result.data;
  }

  override render() {
    const env = this._env;
    const config = this._config;
    if (!env || !config) return html``;
    const isAdmin = env.user.role === 'admin';
    const regionalAdmin = env.user.organisationRole === 'regional-admin';
    const sections = SECTIONS.filter((s: Section) => (isAdmin || !s.adminOnly) && (regionalAdmin || !s.regionalAdminOnly));
    return html`<nav aria-label=${env.t('admin.nav.settings')}>
        ${sections.map(
          (s) =>
            html`<button type="button" data-section=${s.id} aria-current=${s.id === this._section ? 'page' : 'false'} @click=${() => this._open(s.id)}>
              ${env.t(s.label)}
            </button>`,
        )}
      </nav>
      <section>
        ${isAdmin ? '' : html`<p class="read-only" data-testid="read-only">${env.t('admin.readOnly')}</p>`} ${RENDERERS[this._section](config)}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin': PanelAdmin;
  }
}
