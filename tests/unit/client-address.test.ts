import { clientAddress, FORWARDED_FOR_HEADER, normaliseAddress, PEER_HEADER, trustedProxyHops } from '@/lib/auth/client-address';

const request = (peer: string, forwardedFor = '') => ({ [PEER_HEADER]: peer, [FORWARDED_FOR_HEADER]: forwardedFor, 'x-forwarded-for': forwardedFor });

describe('clientAddress', () => {
  it('is the TCP peer by default, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('203.0.113.7', '203.0.113.8'), 0)).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', '198.51.100.1, 203.0.113.9'), 0)).toBe('203.0.113.7');
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.8' }, 0)).toBe('unknown');
  });

  it('treats an IPv4 address seen over IPv6 as the same client', () => {
    expect(clientAddress(request('::ffff:203.0.113.7'), 0)).toBe('203.0.113.7');
  });

  it('behind trusted proxies takes the Nth hop from the right and ignores what the client added', () => {
    // The client sent "1.2.3.4"; the load balancer appended the address it saw.
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 203.0.113.7'), 1)).toBe('203.0.113.7');
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress(request('10.0.0.3', '1.2.3.4, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
    // Fewer entries than hops: the leftmost is the nearest we have.
    expect(clientAddress(request('10.0.0.3', '203.0.113.7'), 2)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.3', ''), 1)).toBe('10.0.0.3');
  });

  it('reads headers from a Headers object too, and never an inherited property', () => {
    expect(clientAddress(new Headers(request('203.0.113.7', '9.9.9.9')), 0)).toBe('203.0.113.7');
    expect(clientAddress(Object.create({ [PEER_HEADER]: '6.6.6.6' }) as Record<string, unknown>, 0)).toBe('unknown');
  });
});

describe('TRUSTED_PROXY_HOPS', () => {
  it.each([
    [undefined, 0],
    ['0', 0],
    ['1', 1],
    ['3', 3],
    ['-1', 0],
    ['two', 0],
    ['1.5', 0],
    ['99', 0],
  ])('%s means %i hops', (value, hops) => {
    expect(trustedProxyHops(value)).toBe(hops);
  });
});

describe('one bucket per client', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:50001', '203.0.113.7'],
    ['[2001:db8:1:2::1]:443', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not an address', ''],
    ['', ''],
  ])('%s counts as %s', (raw, bucket) => {
    expect(normaliseAddress(raw)).toBe(bucket);
  });

  it('gives a port-rotating client behind a proxy one bucket', () => {
    expect(clientAddress(request('10.0.0.2', '203.0.113.7:50001'), 1)).toBe(clientAddress(request('10.0.0.2', '203.0.113.7:50002'), 1));
  });
});
