// The hall's palette: light text on a dark ground reads best across a room and does not glare.
import { css } from 'lit';

export const hallPalette = css`
  :host {
    --display-bg: #0a1628;
    --display-panel: #12233d;
    --display-line: #23395c;
    --display-text: #ffffff;
    --display-muted: #a9b8cc;
    --display-accent: #fbbf24;
    --display-fresh: var(--tl-primary);
    color: var(--display-text);
  }
  .also {
    display: block;
    font-size: 0.6em;
    font-weight: 500;
    color: var(--display-muted);
  }
`;
