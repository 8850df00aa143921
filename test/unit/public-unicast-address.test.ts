// Which addresses the push sender may connect to (public-address-agent.ts): public unicast only, so a
// push service's name that resolves into the office's own network, or anything not on the internet,
// is never connected to.
import { describe, expect, it } from 'vitest';
import { publicUnicastAddress } from '../../server/notify/push/public-address-agent';

describe('publicUnicastAddress', () => {
  it('takes public IPv4 and IPv6 addresses', () => {
    for (const address of ['8.8.8.8', '142.250.74.106', '172.32.0.1', '2001:4860:4860::8888', '2a00:1450:4001:82a::200a', '::ffff:8.8.8.8']) {
      expect(publicUnicastAddress(address), address).toBe(true);
    }
  });

  it('refuses private, loopback, link-local, CGNAT, unspecified and multicast IPv4', () => {
    const refused = [
      ['10.0.0.5', '10.255.255.255'],
      ['172.16.0.1', '172.31.255.255'],
      ['192.168.0.1', '192.168.255.255'],
      ['127.0.0.1', '127.255.255.254'],
      ['169.254.169.254'],
      ['100.64.0.1', '100.127.255.255'],
      ['0.0.0.0'],
      ['224.0.0.1', '239.255.255.250', '255.255.255.255'],
    ].flat();
    for (const address of refused) expect(publicUnicastAddress(address), address).toBe(false);
  });

  it('refuses loopback, unique-local, link-local, unspecified and multicast IPv6', () => {
    for (const address of ['::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'febf::1', '::', 'ff02::1']) {
      expect(publicUnicastAddress(address), address).toBe(false);
    }
  });

  it('judges an IPv4-mapped address as the IPv4 one, and refuses the other IPv6 forms that lead to IPv4', () => {
    // Mapped, mapped in hex, IPv4-compatible, NAT64 and 6to4 (the last two even for a public IPv4 address).
    for (const address of ['::ffff:127.0.0.1', '::ffff:10.0.0.5', '::ffff:7f00:1', '::127.0.0.1', '64:ff9b::808:808', '2002:808:808::1']) {
      expect(publicUnicastAddress(address), address).toBe(false);
    }
  });

  it('refuses documentation and reserved ranges, and what is no address', () => {
    for (const address of ['192.0.2.1', '198.51.100.1', '203.0.113.1', '240.0.0.1', '2001:db8::1', '', 'push.example.org']) {
      expect(publicUnicastAddress(address), address).toBe(false);
    }
  });
});
