import { isIP } from 'node:net';

/**
 * The client's address for the per-address sign-in limit.
 *
 * By default it is the TCP peer: the address of whatever opened the connection,
 * which a client cannot choose. server.mjs stamps it on every request as
 * `x-peerroles-peer` (replacing anything a client sent under that name) and
 * keeps the X-Forwarded-For the request arrived with as
 * `x-peerroles-forwarded-for`, because Next's own server fills in an
 * X-Forwarded-For only when there is none.
 *
 * Behind N proxies you trust (TRUSTED_PROXY_HOPS=N, README "Running several
 * instances"), each appends the address it saw to X-Forwarded-For, so the client
 * is the Nth entry from the right; entries further left are the client's own
 * claims and are ignored.
 */

export const PEER_HEADER = 'x-peerroles-peer';
export const FORWARDED_FOR_HEADER = 'x-peerroles-forwarded-for';

export function trustedProxyHops(value: string | undefined = process.env.TRUSTED_PROXY_HOPS): number {
  const hops = Number(value ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

function headerValue(headers: Record<string, unknown> | Headers | undefined, name: string): string {
  if (!headers) return '';
  const value = headers instanceof Headers ? headers.get(name) : Object.hasOwn(headers, name) ? headers[name] : undefined;
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
}

/**
 * One bucket per client: "::ffff:203.0.113.7" and "203.0.113.7" are one client;
 * a port some proxies append ("203.0.113.7:50001", "[2001:db8::1]:443") is
 * dropped, or every connection would be a new bucket; and an IPv6 client,
 * which usually holds a whole /64, is one bucket for its /64. Anything that is
 * not an address is '' (unknown).
 */
export function normaliseAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/u.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/u.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/u, ''); // an IPv6 zone ("fe80::1%eth0")
  if (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${ipv6Prefix64(address)}::/64`;
  return '';
}

/** The first four groups of an IPv6 address, written out in full. */
function ipv6Prefix64(address: string): string {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':');
}

export function clientAddress(headers: Record<string, unknown> | Headers | undefined, hops: number = trustedProxyHops()): string {
  const peer = normaliseAddress(headerValue(headers, PEER_HEADER));
  if (hops === 0) return peer || 'unknown';
  const forwarded = headerValue(headers, FORWARDED_FOR_HEADER).split(',').map(normaliseAddress).filter(Boolean);
  // Fewer entries than trusted hops: the request did not come through them all; the nearest one we have is the best we know.
  return forwarded.at(-hops) ?? forwarded[0] ?? (peer || 'unknown');
}
