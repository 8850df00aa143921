// Where a visitor's phone reaches the live ticket page when no public URL is configured: this
// machine's first LAN address and the port it listens on. The kiosk's own address would not do —
// it is often localhost on the kiosk itself.
import type { Server as HttpServer } from 'node:http';
import { networkInterfaces } from 'node:os';

function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return 'localhost';
}

/** The configured URL, or the LAN one read at print time (the port is known only once listening). */
export function publicUrlFor(httpServer: HttpServer, configured: string | undefined): () => string {
  if (configured) return () => configured;
  return () => {
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : 80;
    return `http://${lanAddress()}:${port}`;
  };
}
