// The settings screens' look on top of the panel's: forms in cards, rows of fields that wrap,
// issues in red under their field, tables of items with an Edit button.
import { css } from 'lit';
import { panelStyles } from '../shared/panel-styles';

export const adminStyles = [
  panelStyles,
  css`
    :host {
      display: block;
    }
    form,
    .stack {
      display: flex;
      flex-direction: column;
      gap: var(--tl-space-3);
    }
    h2 {
      margin: 0;
    }
    h3 {
      margin: 0;
      font-size: var(--tl-text-m);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: var(--tl-space-3);
    }
    .row > label:not(.inline) {
      min-width: 10rem;
    }
    label.wide {
      flex: 1 1 20rem;
    }
    fieldset {
      display: flex;
      flex-direction: column;
      gap: var(--tl-space-2);
      margin: 0;
      padding: var(--tl-space-3);
      border: 1px solid var(--tl-border);
      border-radius: var(--tl-radius);
      min-width: 0;
    }
    /* The read-only wrapper of a whole form: disables every field inside without a frame. */
    fieldset.plain {
      padding: 0;
      border: none;
    }
    fieldset:disabled input:not([type='checkbox']),
    fieldset:disabled select,
    fieldset:disabled textarea {
      background: var(--tl-bg);
      color: var(--tl-text-muted);
    }
    legend {
      padding: 0 var(--tl-space-1);
      font-size: var(--tl-text-s);
      font-weight: 600;
      color: var(--tl-text-muted);
    }
    fieldset.localized {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    }
    label.lang {
      flex-direction: row;
      align-items: center;
    }
    label.lang input {
      flex: 1;
      min-width: 0;
    }
    .lang-code {
      min-width: 2em;
      font-weight: 600;
    }
    fieldset.localized .issue {
      grid-column: 1 / -1;
    }
    .issue {
      color: var(--tl-danger);
      font-size: var(--tl-text-s);
      font-weight: 600;
    }
    [aria-invalid='true'] {
      border-color: var(--tl-danger) !important;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--tl-space-2);
      padding: var(--tl-space-2);
      border-radius: 8px;
      background: var(--tl-bg);
    }
    .item.stack {
      align-items: stretch;
    }
    .footer {
      position: sticky;
      bottom: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--tl-space-3);
      padding: var(--tl-space-3) 0;
      border-top: 1px solid var(--tl-border);
      background: var(--tl-bg);
    }
    .card .footer {
      background: var(--tl-surface);
    }
    .saved {
      color: var(--tl-success);
      font-weight: 600;
    }
    .form-issues {
      margin: 0;
      padding-left: var(--tl-space-4);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      background: var(--tl-surface);
    }
    th,
    td {
      padding: var(--tl-space-2);
      border-bottom: 1px solid var(--tl-border);
      text-align: left;
      vertical-align: top;
    }
    th {
      font-size: var(--tl-text-s);
      color: var(--tl-text-muted);
    }
    td button {
      min-height: 36px;
      font-size: var(--tl-text-s);
    }
    tr.off td {
      color: var(--tl-text-muted);
    }
    .warn {
      color: var(--tl-warning);
      font-weight: 600;
    }
    .ok {
      color: var(--tl-success);
    }
    code,
    .secret {
      display: block;
      padding: var(--tl-space-2);
      border-radius: 8px;
      background: #111827;
      color: #f9fafb;
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: var(--tl-text-s);
      word-break: break-all;
      user-select: all;
    }
  `,
];
