// Design tokens shared by every app: one place for colours, type scale, spacing and touch size.
// Every element declares the tokens on its own :host, so a colour scheme for a whole subtree (the
// kiosk's high-contrast mode) is set through the inherited --tl-theme-* properties instead.
import { css } from 'lit';

export const tokens = css`
  :host {
    --tl-font: 'Inter', 'Segoe UI', 'Roboto', 'Noto Sans', 'DejaVu Sans', sans-serif;
    --tl-bg: var(--tl-theme-bg, #f4f6f8);
    --tl-surface: var(--tl-theme-surface, #ffffff);
    --tl-text: var(--tl-theme-text, #111827);
    --tl-text-muted: var(--tl-theme-text-muted, #4b5563);
    --tl-primary: var(--tl-theme-primary, #0b5cad);
    --tl-primary-text: var(--tl-theme-primary-text, #ffffff);
    --tl-accent: var(--tl-theme-accent, #0f766e);
    --tl-warning: var(--tl-theme-warning, #b45309);
    --tl-danger: var(--tl-theme-danger, #b91c1c);
    --tl-success: var(--tl-theme-success, #15803d);
    --tl-disabled: var(--tl-theme-disabled, #9ca3af);
    --tl-border: var(--tl-theme-border, #d1d5db);
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
