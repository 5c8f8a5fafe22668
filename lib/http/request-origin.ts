import 'server-only';
import { headers } from 'next/headers';

/** The address this request came to, e.g. https://peerroles.example.nhs.uk, for links shown to the admin. */
export async function requestOrigin(): Promise<string> {
  const requestHeaders = await headers();
  const host = (requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost:3000').split(',')[0].trim();
  const forwardedProto = requestHeaders.get('x-forwarded-proto')?.split(',')[0].trim();
  const proto = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : /^(localhost|127\.0\.0\.1|\[::1\])(:|$)/u.test(host) ? 'http' : 'https';
  return `${proto}://${host}`;
}
