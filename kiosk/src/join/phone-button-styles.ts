// The big touch button of the phone pages for joining (the join page's services, "I'm here"): the
// whole width, at least 72 px high, for a thumb on a phone held in one hand at the door.
import { css } from 'lit';

export const phoneButtonStyles = css`
  button {
    box-sizing: border-box;
    width: 100%;
    min-height: 72px;
    padding: var(--tl-space-3);
    border: none;
    border-radius: var(--tl-radius);
    background: var(--tl-primary);
    color: var(--tl-primary-text);
    font: inherit;
    font-size: 24px;
    font-weight: 700;
    cursor: pointer;
    touch-action: manipulation;
  }
  button:disabled {
    background: var(--tl-disabled);
    cursor: default;
  }
  button:focus-visible {
    outline: 3px solid var(--tl-accent);
    outline-offset: 2px;
  }
`;

/** The card a phone page's panel sits in on the live ticket page ("I'm here", "Tell me when it's my turn"). */
export const phoneCardStyles = css`
  :host {
    display: block;
  }
  section {
    display: flex;
    flex-direction: column;
    gap: var(--tl-space-3);
    padding: var(--tl-space-4) var(--tl-space-3);
    border-radius: var(--tl-radius);
    background: var(--tl-surface);
    border: 1px solid var(--tl-border);
  }
`;
