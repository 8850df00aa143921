// The booking page's first step when the organisation has several offices: each office as one big
// button with its name and address. Emits `office-choose` with the office's id.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import type { OfficeId, OfficeSummary } from '../../../common/protocol/offices';
import { localized } from '../../../common/ui/localized-text';
import { tokens } from '../../../common/ui/tokens';
import { bookStyles } from './book-styles';

@customElement('book-office-list')
export class BookOfficeList extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    css`
      ul {
        display: grid;
        gap: var(--tl-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .choice {
        display: grid;
        gap: var(--tl-space-1);
        width: 100%;
        text-align: start;
      }
      .name {
        font-weight: 700;
      }
      .address {
        color: var(--tl-text-muted);
        font-size: var(--tl-text-s);
      }
    `,
  ];

  @property({ attribute: false }) offices: readonly OfficeSummary[] = [];
  @property() language: Lang = 'ru';

  override render() {
    const lang = this.language;
    if (this.offices.length === 0) return html`<p>${translate(lang, 'offices.choose.empty')}</p>`;
    return html`<ul>
      ${this.offices.map(
        (office) =>
          html`<li>
            <button type="button" class="choice" data-office=${office.id} @click=${() => this.choose(office.id)}>
              <span class="name">${localized(office.name, lang, lang)}</span>
              <span class="address">${localized(office.address, lang, lang)}</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private choose(officeId: OfficeId): void {
    this.dispatchEvent(new CustomEvent<OfficeId>('office-choose', { detail: officeId, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-office-list': BookOfficeList;
  }
}
