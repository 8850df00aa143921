// The analytics views' shared look: figure grids (chart beside its table), tables, key-figure
// tiles, and the print rules that turn a view into a clean report on paper.
import { css } from 'lit';
import { panelStyles } from '../shared/panel-styles';

export const analyticsStyles = [
  ...panelStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--tl-space-3);
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr));
      gap: var(--tl-space-3);
      align-items: start;
    }
    .table-wrap {
      overflow: auto;
      max-height: 420px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: var(--tl-text-s);
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--tl-border);
      text-align: left;
      white-space: nowrap;
    }
    th {
      /* Long headers wrap between words, so a table of figures fits its half of the page. */
      white-space: normal;
      min-width: 4em;
      vertical-align: bottom;
      position: sticky;
      top: 0;
      background: var(--tl-surface);
      color: var(--tl-text-muted);
      font-weight: 600;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: var(--tl-space-2);
      margin: 0;
    }
    .kpi {
      background: var(--tl-surface);
      border: 1px solid var(--tl-border);
      border-left: 4px solid var(--tl-primary);
      border-radius: 8px;
      padding: var(--tl-space-2) var(--tl-space-3);
    }
    .kpi.good {
      border-left-color: var(--tl-success);
    }
    .kpi.bad {
      border-left-color: var(--tl-danger);
    }
    .kpi dt {
      font-size: var(--tl-text-s);
      color: var(--tl-text-muted);
    }
    .kpi dd {
      margin: 0;
      font-size: var(--tl-text-l);
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .kpi dd.note {
      font-size: var(--tl-text-s);
      font-weight: 400;
      color: var(--tl-text-muted);
    }
    .state {
      color: var(--tl-text-muted);
      font-size: var(--tl-text-m);
    }
    .state.failed {
      color: var(--tl-danger);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--tl-space-2) var(--tl-space-3);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--tl-space-2);
    }
    a.button,
    .actions button {
      display: inline-flex;
      align-items: center;
      min-height: 36px;
      padding: 0 var(--tl-space-3);
      border: 1px solid var(--tl-primary);
      border-radius: 8px;
      color: var(--tl-primary);
      background: var(--tl-surface);
      font-size: var(--tl-text-s);
      font-weight: 600;
      text-decoration: none;
    }
    .up {
      color: var(--tl-success);
    }
    .down {
      color: var(--tl-danger);
    }
    @media print {
      .table-wrap {
        max-height: none;
        overflow: visible;
      }
      .no-print {
        display: none !important;
      }
      .row {
        display: block;
      }
      panel-analytics-figure,
      .kpis {
        break-inside: avoid;
        margin-bottom: 12px;
      }
    }
  `,
];

/** The row of report tabs (pills) at the top of the analytics and the regional views. */
export const reportTabsStyles = css`
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-1);
      }
      nav button {
        min-height: 38px;
        font-size: var(--tl-text-s);
        border-width: 1px;
        border-radius: 999px;
      }
      nav button[aria-current='page'] {
        background: var(--tl-primary);
        color: var(--tl-primary-text);
      }
`;
