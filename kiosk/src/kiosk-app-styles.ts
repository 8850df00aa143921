// The kiosk root's own layout: the header with the visitor's aids, the menu below it, and the screen
// on top (issuing, the ticket, a message, the booking keypad). Kiosk-wide sizes are in kiosk-styles.ts.
import { css } from 'lit';

export const kioskAppLayout = css`
  :host {
    position: relative;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: var(--kiosk-gap);
    height: 100vh;
    padding: var(--tl-space-4) var(--tl-space-5);
    overflow: hidden;
    background: var(--tl-bg);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--tl-space-3) var(--kiosk-gap);
  }
  .office {
    flex: 1 1 auto;
  }
  kiosk-access-bar {
    order: 3;
    flex-basis: 100%;
  }
  .screen {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: var(--kiosk-gap);
  }
  .office {
    font-size: var(--kiosk-text);
    font-weight: 700;
  }
  .title {
    display: flex;
    align-items: center;
    gap: var(--kiosk-gap);
    margin: 0;
    font-size: var(--kiosk-title);
  }
  tl-language-switch {
    flex: none;
  }
  kiosk-service-grid {
    flex: 1;
  }
  footer .big-button {
    width: 100%;
  }
  .loading {
    flex: 1;
    display: grid;
    place-items: center;
    font-size: var(--kiosk-title);
    color: var(--tl-text-muted);
  }
  .overlay {
    position: absolute;
    inset: 0;
    z-index: 1;
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding: var(--tl-space-4);
    overflow-y: auto;
    background: var(--tl-bg);
  }
  .issuing {
    font-size: var(--kiosk-title);
    font-weight: 700;
    text-align: center;
  }
  kiosk-setup-notice {
    flex: 1;
  }
`;
