// A notice at the booth when the hall display that announces its calls cannot speak (waiting for a
// tap, or switched off): the specialist then invites visitors aloud instead of waiting in vain.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { silentHallScreens } from './hall-sound';

@customElement('panel-hall-sound')
export class PanelHallSound extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: contents;
      }
      p {
        margin: 0;
        padding: var(--tl-space-2) var(--tl-space-3);
        border-radius: var(--tl-radius);
        border: 1px solid var(--tl-warning);
        background: #fff7e6;
        color: var(--tl-warning);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property() counterId = '';

  override render() {
    const env = this._env;
    const counter = env?.snapshot.counters.find((c) => c.id === this.counterId);
    if (!env || !counter) return html``;
    return silentHallScreens(env.devices, counter).map(
      ({ name, audio }) => html`<p role="status" data-testid="hall-silent" data-audio=${audio}>⚠ ${env.t(`panel.booth.hallSilent.${audio}`, { name })}</p>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-hall-sound': PanelHallSound;
  }
}
