// Kiosk-wide sizes and the big button every kiosk screen uses. Colours come from the shared tokens;
// each pair used here passes WCAG AA (4.5:1) — the browser test measures it. Sizes scale with the
// inherited --kiosk-scale, which the large-text mode raises.
import { css } from 'lit';

export const kioskStyles = css`
  :host {
    --kiosk-text: calc(32px * var(--kiosk-scale, 1));
    --kiosk-title: calc(48px * var(--kiosk-scale, 1));
    --kiosk-button-text: calc(40px * var(--kiosk-scale, 1));
    --kiosk-gap: 24px;
    --kiosk-disabled-bg: #e5e7eb;
    --kiosk-disabled-text: #374151;
    font-size: var(--kiosk-text);
    line-height: 1.25;
  }
  .big-button {
    box-sizing: border-box;
    min-width: var(--tl-touch);
    min-height: var(--tl-touch);
    padding: var(--tl-space-3) var(--tl-space-4);
    border: none;
    border-radius: var(--tl-radius);
    background: var(--tl-primary);
    color: var(--tl-primary-text);
    font: inherit;
    font-size: var(--kiosk-button-text);
    font-weight: 700;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
    user-select: none;
  }
  .big-button:active:not(:disabled) {
    filter: brightness(0.85);
  }
  .big-button:disabled {
    background: var(--kiosk-disabled-bg);
    color: var(--kiosk-disabled-text);
    cursor: default;
  }
  .big-button.secondary {
    background: var(--tl-surface);
    color: var(--tl-primary);
    border: 4px solid var(--tl-primary);
  }
`;

/**
 * The large-text, high-contrast mode for a visitor who does not see well: a third larger, light on
 * black (yellow buttons: 14:1), set on the kiosk's root and inherited by every screen. Status colours
 * (warning, danger, success) stay: they carry white text on banners.
 */
export const largeTextTheme = css`
  :host([large-text]) {
    --kiosk-scale: 1.35;
    --tl-theme-bg: #000000;
    --tl-theme-surface: #000000;
    --tl-theme-text: #ffffff;
    --tl-theme-text-muted: #f3f4f6;
    --tl-theme-primary: #ffd60a;
    --tl-theme-primary-text: #000000;
    --tl-theme-border: #ffffff;
  }
`;
