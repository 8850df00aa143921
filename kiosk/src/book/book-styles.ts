// Shared look of the booking pages' parts (/book/ and /book/manage/): a phone-first page with
// comfortable 48 px targets.
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
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tl-space-2);
  }
`;

/** A booking page's root: a phone-wide column with the office and language on top, cards below. */
export const bookPageStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 720px;
    min-height: 100vh;
    margin: 0 auto;
    padding: var(--tl-space-3);
    background: var(--tl-bg);
    --tl-switch-touch: 44px;
    --tl-switch-text: var(--tl-text-s);
    --tl-switch-padding: var(--tl-space-2);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--tl-space-2);
  }
  .office {
    font-weight: 700;
  }
  h1 {
    margin: var(--tl-space-3) 0;
    font-size: var(--tl-text-l);
  }
  section {
    display: grid;
    gap: var(--tl-space-2);
    margin-bottom: var(--tl-space-4);
    padding: var(--tl-space-3);
    border-radius: var(--tl-radius);
    background: var(--tl-surface);
  }
  h2 {
    margin: 0;
    font-size: var(--tl-text-m);
  }
  .problem {
    padding: var(--tl-space-3);
    border-radius: var(--tl-radius);
    background: #fef2f2;
    color: var(--tl-danger);
    font-weight: 600;
  }
`;

/** A form of big labelled fields, each with its problem shown under it. */
export const bookFormStyles = css`
  form {
    display: grid;
    gap: var(--tl-space-3);
  }
  label {
    display: grid;
    gap: var(--tl-space-1);
    font-weight: 600;
  }
  input {
    box-sizing: border-box;
    min-height: var(--book-touch);
    padding: var(--tl-space-2) var(--tl-space-3);
    border: 2px solid var(--tl-border);
    border-radius: var(--tl-radius);
    font: inherit;
    font-weight: 400;
  }
  input[aria-invalid='true'] {
    border-color: var(--tl-danger);
  }
  .field-error {
    margin: 0;
    color: var(--tl-danger);
    font-weight: 600;
  }
`;
