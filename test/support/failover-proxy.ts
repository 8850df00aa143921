// A load balancer in miniature for the multi-node tests: a TCP proxy on loopback that sends each new
// connection to the first of its nodes that accepts it, and closes the client's side when the node's
// side dies. A client that only knows the proxy's address behaves as behind nginx or HAProxy with a
// preferred node and a backup: while its node runs it stays there; when the node is killed its
// connection drops, it reconnects on its own, and the proxy takes it to the next node.
import { createConnection, createServer, type Socket } from 'node:net';

export interface FailoverProxy {
  url: string;
  close(): Promise<void>;
}

/** The first upstream (in order) that accepts a connection, or null when none does. */
function connectFirst(ports: readonly number[], at = 0): Promise<Socket | null> {
  if (at >= ports.length) return Promise.resolve(null);
  return new Promise((resolve) => {
    const upstream = createConnection({ host: '127.0.0.1', port: ports[at]! });
    upstream.once('connect', () => resolve(upstream));
    upstream.once('error', () => {
      upstream.destroy();
      resolve(connectFirst(ports, at + 1));
    });
  });
}

/** A proxy in front of `urls` (http://127.0.0.1:<port>), preferring them in the order given. */
export async function startFailoverProxy(urls: readonly string[]): Promise<FailoverProxy> {
  const ports = urls.map((url) => Number(new URL(url).port));
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.pause();
    client.on('error', () => client.destroy());
    client.once('close', () => open.delete(client));
    void connectFirst(ports).then((upstream) => {
      if (!upstream || client.destroyed) {
        upstream?.destroy();
        client.destroy();
        return;
      }
      open.add(upstream);
      upstream.once('close', () => {
        open.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.once('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        open.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
