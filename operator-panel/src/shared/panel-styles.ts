// The booth panel's shared look on top of the design tokens: buttons with their key hints, cards,
// form fields. A desk screen with a mouse and keyboard, so sizes are smaller than the kiosk's.
import { css } from 'lit';
import { tokens } from '../../../common/ui/tokens';

export const panelStyles = [
  tokens,
  css`
    :host {
      --panel-control: 44px;
      box-sizing: border-box;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--tl-space-2);
      min-height: var(--panel-control);
      padding: 0 var(--tl-space-3);
      border: 2px solid var(--tl-primary);
      border-radius: var(--tl-radius);
      background: var(--tl-surface);
      color: var(--tl-primary);
      font: inherit;
      font-size: var(--tl-text-m);
      font-weight: 600;
      cursor: pointer;
    }
    button.primary {
      background: var(--tl-primary);
      color: var(--tl-primary-text);
    }
    button.danger {
      border-color: var(--tl-danger);
      color: var(--tl-danger);
    }
    button:disabled {
      border-color: var(--tl-disabled);
      color: var(--tl-disabled);
      background: var(--tl-surface);
      cursor: not-allowed;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible {
      outline: 3px solid var(--tl-accent);
      outline-offset: 2px;
    }
    kbd {
      display: inline-block;
      min-width: 1.6em;
      padding: 0 0.35em;
      border: 1px solid currentColor;
      border-radius: 4px;
      font-family: inherit;
      font-size: 0.8em;
      line-height: 1.4;
      text-align: center;
      opacity: 0.85;
    }
    .card {
      background: var(--tl-surface);
      border: 1px solid var(--tl-border);
      border-radius: var(--tl-radius);
      padding: var(--tl-space-3);
    }
    h2 {
      margin: 0 0 var(--tl-space-2);
      font-size: var(--tl-text-m);
      color: var(--tl-text-muted);
      font-weight: 600;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: var(--tl-space-1);
      font-size: var(--tl-text-s);
      color: var(--tl-text-muted);
    }
    label.inline {
      flex-direction: row;
      align-items: center;
      gap: var(--tl-space-2);
      color: var(--tl-text);
      font-size: var(--tl-text-m);
    }
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea {
      min-height: var(--panel-control);
      padding: var(--tl-space-2);
      border: 1px solid var(--tl-border);
      border-radius: 8px;
      font: inherit;
      font-size: var(--tl-text-m);
      color: var(--tl-text);
      background: var(--tl-surface);
    }
    input[type='checkbox'],
    input[type='radio'] {
      width: 20px;
      height: 20px;
    }
    .muted {
      color: var(--tl-text-muted);
    }
    .badge {
      display: inline-block;
      padding: 2px var(--tl-space-2);
      border-radius: 6px;
      background: #e0ecf8;
      color: var(--tl-primary);
      font-size: var(--tl-text-s);
      font-weight: 600;
    }
    .badge.warn {
      background: #fdecd8;
      color: var(--tl-warning);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
];
