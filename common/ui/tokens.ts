// Design tokens shared by every app: one place for colours, type scale, spacing and touch size.
import { css } from 'lit';

export const tokens = css`
  :host {
    --tl-font: 'Inter', 'Segoe UI', 'Roboto', 'Noto Sans', 'DejaVu Sans', sans-serif;
    --tl-bg: #f4f6f8;
    --tl-surface: #ffffff;
    --tl-text: #111827;
    --tl-text-muted: #4b5563;
    --tl-primary: #0b5cad;
    --tl-primary-text: #ffffff;
    --tl-accent: #0f766e;
    --tl-warning: #b45309;
    --tl-danger: #b91c1c;
    --tl-success: #15803d;
    --tl-disabled: #9ca3af;
    --tl-border: #d1d5db;
    --tl-radius: 12px;
    --tl-space-1: 4px;
    --tl-space-2: 8px;
    --tl-space-3: 16px;
    --tl-space-4: 24px;
    --tl-space-5: 40px;
    --tl-text-s: 14px;
    --tl-text-m: 18px;
    --tl-text-l: 28px;
    --tl-text-xl: 44px;
    --tl-text-xxl: 96px;
    /* 20 mm at 96 CSS px per inch ≈ 76 px: the smallest kiosk touch target. */
    --tl-touch: 76px;
    font-family: var(--tl-font);
    color: var(--tl-text);
  }
`;
