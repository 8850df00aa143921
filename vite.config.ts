import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { NOSCRIPT_PLACEHOLDER, noscriptHtml } from './common/ui/noscript-text';

// One multi-page build for the three front ends; Express serves dist/ at /kiosk/, /display/, /panel/.
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  plugins: [{ name: 'talon-noscript', transformIndexHtml: (page) => page.replace(NOSCRIPT_PLACEHOLDER, noscriptHtml()) }],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        display: resolve(import.meta.dirname, 'display/index.html'),
        panel: resolve(import.meta.dirname, 'operator-panel/index.html'),
        ticket: resolve(import.meta.dirname, 'kiosk/ticket.html'),
        book: resolve(import.meta.dirname, 'kiosk/book.html'),
        join: resolve(import.meta.dirname, 'kiosk/join.html'),
        poster: resolve(import.meta.dirname, 'kiosk/poster.html'),
        stop: resolve(import.meta.dirname, 'kiosk/stop.html'),
        'book-manage': resolve(import.meta.dirname, 'kiosk/manage.html'),
        // The live ticket's service worker: at a fixed address (no hash), since browsers find it by it.
        'ticket-sw': resolve(import.meta.dirname, 'kiosk/src/live/ticket-sw.ts'),
      },
      output: { entryFileNames: (chunk) => (chunk.name === 'ticket-sw' ? 'ticket-sw.js' : 'assets/[name]-[hash].js') },
    },
  },
});
