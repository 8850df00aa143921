// Shared look of the booking page's parts: a phone-first page with comfortable 48 px targets.
import { css } from 'lit';

export const bookStyles = css`
  :host {
    --book-touch: 48px;
    font-size: var(--tl-text-m);
    line-height: 1.4;
  }
  .choice {
    box-sizing: border-box;
    min-height: var(--book-touch);
    padding: var(--tl-space-2) var(--tl-space-3);
    border: 2px solid var(--tl-border);
    border-radius: var(--tl-radius);
    background: var(--tl-surface);
    color: var(--tl-text);
    font: inherit;
    cursor: pointer;
  }
  .choice[aria-pressed='true'] {
    border-color: var(--tl-primary);
    background: var(--tl-primary);
    color: var(--tl-primary-text);
  }
  .choice:disabled {
    color: var(--tl-disabled);
    cursor: default;
  }
  .primary {
    box-sizing: border-box;
    min-height: var(--book-touch);
    padding: var(--tl-space-2) var(--tl-space-4);
    border: none;
    border-radius: var(--tl-radius);
    background: var(--tl-primary);
    color: var(--tl-primary-text);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .primary:disabled {
    background: var(--tl-disabled);
  }
`;
