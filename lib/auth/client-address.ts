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

/** "::ffff:203.0.113.7" and "203.0.113.7" are one client. */
function normalise(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return (trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed).slice(0, 64);
}

export function clientAddress(headers: Record<string, unknown> | Headers | undefined, hops: number = trustedProxyHops()): string {
  const peer = normalise(headerValue(headers, PEER_HEADER));
  if (hops === 0) return peer || 'unknown';
  const forwarded = headerValue(headers, FORWARDED_FOR_HEADER).split(',').map(normalise).filter(Boolean);
  // Fewer entries than trusted hops: the request did not come through them all; the nearest one we have is the best we know.
  return forwarded.at(-hops) ?? forwarded[0] ?? (peer || 'unknown');
}
