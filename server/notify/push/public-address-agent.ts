// Connections that reach only public unicast addresses, checked when the connection is made: a push
// subscription's host name is the visitor's browser's choice (so, in the end, anyone's), and a public
// name may resolve to 10.0.0.5 or 127.0.0.1. Checking the name first and fetching after would leave a
// gap a rebinding DNS server answers differently in; here the addresses a lookup answers are checked
// inside the connection's own lookup, and the socket connects to exactly those or to none.
import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';

/** A connection refused because its address is not public. No address in the message: it is the visitor's doing. */
export class AddressRefused extends Error {
  constructor() {
    super('not a public unicast address');
  }
}

// ipaddr.js counts the deprecated IPv4-compatible form (::a.b.c.d, RFC 4291 2.5.5.1) as unicast;
// some stacks still reach the IPv4 address inside it.
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

/**
 * Whether an IP address is public unicast: not private (10/8, 172.16/12, 192.168/16), loopback,
 * link-local, unique-local, CGNAT, multicast, broadcast, unspecified, documentation or otherwise
 * reserved, nor an IPv6 form that leads to an IPv4 address (mapped, NAT64, 6to4, Teredo). ipaddr.js
 * names every special range and calls the rest 'unicast'.
 */
export function publicUnicastAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so a mapped address is judged as the IPv4 one it is.
  const parsed = ipaddr.process(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.match(IPV4_COMPATIBLE)) return false;
  return parsed.range() === 'unicast';
}

/** Whether a failed fetch failed because the address was refused (undici wraps it in `cause`). */
export function addressRefused(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof AddressRefused) return true;
  }
  return false;
}

export interface PublicAddressAgentDeps {
  /** Which addresses may be connected to: publicUnicastAddress, unless a test's service listens on loopback. */
  addressAllowed: (address: string) => boolean;
  /** Name resolution; the system's (dns.lookup) unless a test answers names itself. */
  lookup?: LookupFunction;
}

/** An undici dispatcher (fetch's `dispatcher`) whose every new connection goes to an allowed address only. */
export function publicAddressAgent({ addressAllowed, lookup = systemLookup }: PublicAddressAgentDeps): Agent {
  const connect = buildConnector({ lookup: checkedLookup(lookup, addressAllowed) });
  return new Agent({
    connect(options, callback) {
      // A literal address is connected to without a lookup, so it is checked here.
      const literal = options.hostname.replace(/^\[(.*)\]$/, '$1');
      if (isIP(literal) && !addressAllowed(literal)) return callback(new AddressRefused(), null);
      return connect(options, callback);
    },
  });
}

/**
 * The lookup the socket connects with: every address the name resolves to must be allowed, or none is
 * used — a name that answers a private address among public ones is no push service's, and a
 * rebinding server cannot slip one in between a check and the connection.
 */
function checkedLookup(lookup: LookupFunction, addressAllowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, answer) => {
      if (error) return callback(error, '');
      const addresses = answer as LookupAddress[];
      const first = addresses[0];
      if (!first || !addresses.every(({ address }) => addressAllowed(address))) return callback(new AddressRefused(), '');
      // net asks for all addresses when it tries both families (autoSelectFamily), else for one.
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}
