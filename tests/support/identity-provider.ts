// Signs in through a real OpenID provider (tests/support/oidc-provider.mjs, run
// as its own process) the way a browser does, with next-auth's own handler for
// PeerRoles' side: the sign-in post, the provider's login page, the redirect
// back to the callback with the code. Only the HTTP between them is done here.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { buildAuthOptions } from '@/lib/auth/options';
import { authCookieNames, createCsrfCookieValue } from '@/lib/auth/cookies';
import { IDENTITY_PROVIDER_ID } from '@/lib/auth/identity-provider';

interface AuthRequest {
  method: 'GET' | 'POST';
  action: 'signin' | 'callback';
  providerId: string;
  body: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
  headers: Record<string, string>;
}
interface AuthResponse {
  redirect?: string;
  cookies?: Array<{ name: string; value: string }>;
}
/**
 * next-auth's framework-free handler (next-auth/core), the one its Next.js route
 * handler calls. Its package does not export that path, so it is loaded by file.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path: not in next-auth's exports map
const { AuthHandler } = require(path.join(path.dirname(require.resolve('next-auth')), 'core', 'index.js')) as {
  AuthHandler: (params: { req: AuthRequest; options: NextAuthOptions }) => Promise<AuthResponse>;
};

export const TEST_CLIENT_ID = 'peerroles';
export const TEST_CLIENT_SECRET = 'peerroles-test-client-secret-0123456789';
/** PeerRoles' address in these tests: nothing listens there, next-auth only builds URLs with it. */
export const APP_URL = 'http://127.0.0.1:3999';
export const CALLBACK_URL = `${APP_URL}/api/auth/callback/${IDENTITY_PROVIDER_ID}`;

export interface TestIdentityProvider {
  issuer: string;
  options: NextAuthOptions;
  stop: () => Promise<void>;
}

/** Starts the provider with PeerRoles registered, and next-auth's options pointing at it. */
export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  process.env.NEXTAUTH_URL = APP_URL;
  process.env.NEXTAUTH_SECRET ??= 'identity-provider-test-secret-0123456789abcdef';
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_TEST_PORT: '0', OIDC_TEST_REDIRECT_URIS: CALLBACK_URL },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the identity provider stopped (exit code ${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
  const options = buildAuthOptions({ issuer, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, label: 'Sign in with your NHS account' });
  return {
    issuer,
    options,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The browser's cookies at the provider (one host; the provider tells its cookies apart by name). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/iu.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface ProviderSignInResult {
  /** Where next-auth sent the browser at the end: the app, or /sign-in?error=... */
  redirect: string;
  /** The session token cookie next-auth set, when sign-in succeeded. */
  sessionToken?: string;
}

/**
 * Signs in at the provider as `account` (a login of tests/support/oidc-provider.mjs
 * TEST_ACCOUNTS) and brings the code back to next-auth's callback. `tamper`
 * changes the callback's query (a wrong state, say) before next-auth sees it.
 */
export async function signInThroughProvider(
  provider: TestIdentityProvider,
  account: string,
  { tamper }: { tamper?: (query: Record<string, string>) => Record<string, string> } = {},
): Promise<ProviderSignInResult> {
  const names = authCookieNames(false);
  const secret = process.env.NEXTAUTH_SECRET as string;
  const csrf = await createCsrfCookieValue(secret);
  // 1. The sign-in page's button: a form post to /api/auth/signin/oidc with the CSRF token.
  const start = await AuthHandler({
    req: { method: 'POST', action: 'signin', providerId: IDENTITY_PROVIDER_ID, body: { csrfToken: csrf.token, callbackUrl: `${APP_URL}/` }, cookies: { [names.csrfToken]: csrf.cookieValue }, headers: {}, query: {} },
    options: provider.options,
  });
  if (!start.redirect?.startsWith(provider.issuer)) throw new Error(`next-auth did not send the browser to the provider: ${start.redirect}`);
  const appCookies: Record<string, string> = Object.fromEntries((start.cookies ?? []).map((cookie) => [cookie.name, cookie.value]));

  // 2. At the provider: its login page, then whatever redirects follow, until it sends the browser back.
  const jar = new CookieJar();
  let location = start.redirect;
  for (let step = 0; step < 10 && !location.startsWith(CALLBACK_URL); step += 1) {
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    if (response.status >= 300 && response.status < 400) {
      location = new URL(response.headers.get('location') as string, location).toString();
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/u.exec(page)?.[1];
    if (!action || !page.includes('name="login"')) throw new Error(`unexpected page at the provider (${response.status}): ${page.slice(0, 300)}`);
    const submitted = await fetch(new URL(action, location), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login: account, password: 'any password' }).toString(),
    });
    jar.take(submitted);
    location = new URL(submitted.headers.get('location') as string, location).toString();
  }
  if (!location.startsWith(CALLBACK_URL)) throw new Error(`the provider did not send the browser back: ${location}`);

  // 3. Back at PeerRoles: next-auth's callback with the code, the state and the PKCE verifier's cookies.
  let query = Object.fromEntries(new URL(location).searchParams);
  if (tamper) query = tamper(query);
  const back = await AuthHandler({
    req: { method: 'GET', action: 'callback', providerId: IDENTITY_PROVIDER_ID, query, cookies: appCookies, headers: {}, body: {} },
    options: provider.options,
  });
  const sessionToken = back.cookies?.find((cookie) => cookie.name === names.sessionToken)?.value;
  return { redirect: back.redirect ?? '', sessionToken };
}
