// deploy/caddy, deploy/nginx and deploy/haproxy: the public site answers the visitor's pages and
// their API routes and nothing of the staff's; two nodes behind a balancer are health-checked on
// /api/health without sticky sessions (docs/deploy.md); each file is valid for its server where
// that server is installed. The public site's rules are read from the files and applied the way
// each server applies them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../server/http/web-apps';
import { NGINX_UPSTREAM_BLOCK, nginxTwoNodes } from '../support/balancers';
import { ROOT } from '../support/source-imports';

const CADDYFILE = readFileSync(join(ROOT, 'deploy', 'caddy', 'Caddyfile'), 'utf8');
const NGINX = readFileSync(join(ROOT, 'deploy', 'nginx', 'talon.conf'), 'utf8');
const PUBLIC_SITE = 'queue.example.org';

type Method = 'GET' | 'POST';
type Answers = (method: Method, path: string) => boolean;

const VISITOR_PAGES = ['/book/', '/book/manage/', '/join/', '/stop/', '/t/:ticketId'];
const pagePath = (page: string) => page.replace(':ticketId', 'lJC_fzgfOWw_RNR0');

/** What a visitor's phone asks for: the pages, their scripts, and the routes docs/api.md gives the public. */
const VISITOR_REQUESTS: [Method, string][] = [
  ['GET', '/book'],
  ['GET', '/join'],
  ['GET', '/assets/book-DZ3k1.js'],
  ['GET', '/favicon.svg'],
  ['GET', '/ticket-sw.js'],
  ['GET', '/api/push/vapid-public-key'],
  ['GET', '/api/offices'],
  ['GET', '/api/offices/main/tickets/lJC_fzgfOWw_RNR0'],
  ['GET', '/api/offices/main/public/booking'],
  ['GET', '/api/offices/city-centre/public/slots'],
  ['POST', '/api/offices/main/public/appointments'],
  ['POST', '/api/offices/main/public/bookings/view'],
  ['POST', '/api/offices/main/public/bookings/move'],
  ['GET', '/api/offices/main/public/join'],
  ['POST', '/api/offices/main/public/join'],
  ['POST', '/api/offices/main/public/tickets/lJC_fzgfOWw_RNR0/arrived'],
  ['GET', '/api/offices/main/public/tickets/lJC_fzgfOWw_RNR0/rating'],
  ['POST', '/api/offices/main/public/tickets/lJC_fzgfOWw_RNR0/rating'],
  ['POST', '/api/stop'],
  ['POST', '/api/offices/main/public/tickets/lJC_fzgfOWw_RNR0/contacts'],
  ['GET', '/socket.io/'],
];

/** The staff's: signing in, people, settings, queue commands, analytics, the regional view, metrics. */
const STAFF_REQUESTS: [Method, string][] = [
  ['POST', '/api/auth/login'],
  ['GET', '/api/auth/me'],
  ['GET', '/api/users'],
  ['POST', '/api/offices'],
  ['GET', '/api/offices/main/config'],
  ['GET', '/api/offices/main/channels/mail'],
  ['POST', '/api/offices/main/tickets'],
  ['POST', '/api/offices/main/tickets/lJC_fzgfOWw_RNR0'],
  ['GET', '/api/offices/main/appointments'],
  ['GET', '/api/offices/main/visit-journal'],
  ['GET', '/api/region/report'],
  ['GET', '/metrics'],
  ['POST', '/book/'],
];

interface CaddyMatcher {
  paths?: string[];
  regexp?: RegExp;
  methods?: string[];
}

/** Caddy: the public site's `handle @matcher { reverse_proxy … }` blocks. */
function caddyPublicSite(): Answers {
  const lines = CADDYFILE.slice(CADDYFILE.indexOf(`\n${PUBLIC_SITE} {`)).split('\n');
  const matchers = new Map<string, CaddyMatcher>();
  lines.forEach((line, at) => {
    const named = line.match(/^\t@(\w+) (.*)$/);
    if (!named) return;
    // `@name path …` on one line, or `@name {` with one rule a line up to the closing brace.
    const rules = named[2] === '{' ? lines.slice(at + 1, lines.indexOf('\t}', at)).map((rule) => rule.trim()) : [named[2]!];
    const matcher: CaddyMatcher = {};
    for (const rule of rules) {
      const [kind, ...args] = rule.split(' ');
      if (kind === 'path') matcher.paths = args;
      else if (kind === 'path_regexp') matcher.regexp = new RegExp(args.join(' '));
      else if (kind === 'method') matcher.methods = args;
      else throw new Error(`the test does not read Caddy's ${kind} matcher`);
    }
    matchers.set(named[1]!, matcher);
  });
  const proxied = lines.flatMap((line, at) => {
    const handle = line.match(/^\thandle @(\w+) \{$/);
    return handle && lines[at + 1]!.trim().startsWith('reverse_proxy ') ? [matchers.get(handle[1]!)!] : [];
  });
  const glob = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
  return (method, path) =>
    proxied.some((m) => (!m.methods || m.methods.includes(method)) && (!m.paths || m.paths.some((p) => glob(p, path))) && (!m.regexp || m.regexp.test(path)));
}

/** nginx: the public server's locations — exact first, then regular expressions in order, then the longest prefix. */
function nginxPublicSite(): Answers {
  const server = NGINX.split(/^server \{$/m).find((block) => block.includes(`server_name ${PUBLIC_SITE};`) && block.includes('listen 443'))!;
  const locations = [...server.matchAll(/^ {4}location (=|~)? ?(\S+) \{\n([\s\S]*?)\n {4}\}$/gm)].map(([, kind, pattern, body]) => ({ kind, pattern: pattern!, body: body! }));
  return (method, path) => {
    const location =
      locations.find((l) => l.kind === '=' && l.pattern === path) ??
      locations.find((l) => l.kind === '~' && new RegExp(l.pattern).test(path)) ??
      locations.filter((l) => !l.kind && path.startsWith(l.pattern)).sort((a, b) => b.pattern.length - a.pattern.length)[0];
    if (!location?.body.includes('proxy_pass')) return false;
    return method === 'GET' || !location.body.includes('limit_except GET');
  };
}

describe.each([
  ['Caddy', caddyPublicSite],
  ['nginx', nginxPublicSite],
])('the public site behind %s', (_server, site) => {
  it("serves the visitor's pages and none of the staff's", () => {
    const answers = site();
    for (const page of Object.keys(PAGES)) expect(answers('GET', pagePath(page)), page).toBe(VISITOR_PAGES.includes(page));
  });

  it("passes the visitor's requests on", () => {
    const answers = site();
    for (const [method, path] of VISITOR_REQUESTS) expect(answers(method, path), `${method} ${path}`).toBe(true);
  });

  it('refuses every staff and admin route', () => {
    const answers = site();
    for (const [method, path] of STAFF_REQUESTS) expect(answers(method, path), `${method} ${path}`).toBe(false);
  });
});

const installed = (command: string, args: string[]) => spawnSync(command, args).status === 0;

it.skipIf(!installed('caddy', ['version']))('caddy validates the Caddyfile', () => {
  const result = spawnSync('caddy', ['validate', '--adapter', 'caddyfile', '--config', join(ROOT, 'deploy', 'caddy', 'Caddyfile')], { encoding: 'utf8' });
  expect(result.stdout).toContain('Valid configuration');
  expect(result.status).toBe(0);
});

const HAPROXY = readFileSync(join(ROOT, 'deploy', 'haproxy', 'talon.cfg'), 'utf8');

/** A throw-away certificate and key in `dir` (cert.pem, key.pem). */
function throwAwayCertificate(dir: string): void {
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=talon']);
  expect(made.status).toBe(0);
}

describe.skipIf(!installed('nginx', ['-v']) || !installed('openssl', ['version']))('nginx -t', () => {
  it.each([
    ['talon.conf with its snippet', () => NGINX],
    ['talon.conf with the two-node upstream of talon-two-nodes.conf', nginxTwoNodes],
  ])('accepts %s', (_name, conf) => {
    // The sample as installed, with a throw-away certificate and unprivileged ports instead of 80/443.
    const dir = mkdtempSync(join(tmpdir(), 'talon-nginx-'));
    mkdirSync(join(dir, 'snippets'));
    mkdirSync(join(dir, 'logs'));
    cpSync(join(ROOT, 'deploy', 'nginx', 'talon-proxy.conf'), join(dir, 'snippets', 'talon-proxy.conf'));
    throwAwayCertificate(dir);
    const installed = conf()
      .replace(/ssl_certificate_key .*;/g, `ssl_certificate_key ${join(dir, 'key.pem')};`)
      .replace(/ssl_certificate .*;/g, `ssl_certificate ${join(dir, 'cert.pem')};`)
      .replace(/listen (\[::\]:)?80;/g, 'listen $18080;')
      .replace(/listen (\[::\]:)?443 ssl;/g, 'listen $18443 ssl;');
    writeFileSync(join(dir, 'talon.conf'), installed);
    writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  include ${dir}/talon.conf;\n}\n`);
    const result = spawnSync('nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(result.stderr).toContain('test is successful');
  });
});

describe('two nodes behind a balancer (docs/deploy.md)', () => {
  it('nginx: talon.conf for two nodes sends both sites to both nodes, and retries only what is safe', () => {
    const conf = nginxTwoNodes();
    expect(conf.match(NGINX_UPSTREAM_BLOCK)?.[0].match(/^\s+server \S+:3000 /gm)).toHaveLength(2);
    expect(conf).toContain('proxy_next_upstream error timeout http_503;');
    expect(conf).not.toContain('non_idempotent');
    // No sticky sessions: the clients are WebSocket-only.
    expect(conf).not.toMatch(/\b(ip_hash|hash|sticky)\b/);
  });

  it('HAProxy: checks /api/health on both nodes, closes a failed node\'s sockets and never pins a client', () => {
    const servers = HAPROXY.match(/^\s+server \S+ \S+:3000 check$/gm);
    expect(servers).toHaveLength(2);
    for (const line of ['option httpchk GET /api/health', 'http-check expect status 200', 'on-marked-down shutdown-sessions', 'option forwardfor', 'timeout tunnel']) {
      expect(HAPROXY, line).toContain(line);
    }
    expect(HAPROXY).not.toMatch(/\b(balance source|cookie|stick)\b/);
  });

  it.skipIf(!installed('haproxy', ['-v']) || !installed('openssl', ['version']))('haproxy -c accepts talon.cfg', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-haproxy-'));
    throwAwayCertificate(dir);
    writeFileSync(join(dir, 'site.pem'), readFileSync(join(dir, 'cert.pem'), 'utf8') + readFileSync(join(dir, 'key.pem'), 'utf8'));
    const installed = HAPROXY.replace(/crt \S+/, `crt ${join(dir, 'site.pem')}`)
      .replace(/stats socket \S+/, `stats socket ${join(dir, 'admin.sock')}`)
      // The haproxy user exists only where the package made it.
      .replace(/^\s+(user|group) haproxy\n/gm, '');
    writeFileSync(join(dir, 'haproxy.cfg'), installed);
    const result = spawnSync('haproxy', ['-c', '-f', join(dir, 'haproxy.cfg')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toContain('Configuration file is valid');
    expect(result.status).toBe(0);
  });
});
