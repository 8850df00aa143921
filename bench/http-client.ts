// A lean JSON client for load generation: node:http with keep-alive, so the load generator spends
// less of the shared two cores than fetch does and the server's cost is what gets measured.
import { Agent, request } from 'node:http';
import type { Result } from '../common/protocol';

export function jsonPoster(baseUrl: string, headers: Record<string, string>, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);
  return (path: string, body: unknown): Promise<{ status: number; body: Result<unknown> }> =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = request(
        { agent, hostname, port, path, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': payload.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown> }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}
