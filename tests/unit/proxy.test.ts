import { NextRequest } from 'next/server';
import { createCsrfCookieValue, verifiedCsrfToken } from '@/lib/auth/cookies';

// The proxy in front of every request, called directly with Next's request type.
// NextResponse.next() hands request headers to the app as x-middleware-request-* headers.

const SECRET = 'proxy-test-secret-of-a-reasonable-length';
const SITE = 'http://peerroles.test';

type Proxy = (request: NextRequest) => Promise<Response>;

function loadProxy(nextAuthUrl = SITE): Proxy {
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = nextAuthUrl;
  let proxy: Proxy | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    proxy = (require('@/proxy') as { proxy: Proxy }).proxy;
  });
  return proxy!;
}

const request = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) => new NextRequest(new URL(path, SITE), init);
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
const setCookies = (response: Response) => response.headers.getSetCookie();

describe('proxy', () => {
  const proxy = loadProxy();

  it('gives every response a nonce policy, and the app the same nonce and the address asked for', async () => {
    const response = await proxy(request('/sign-in?callbackUrl=%2Fteams'));
    const policy = response.headers.get('content-security-policy') ?? '';
    const nonce = forwarded(response, 'x-nonce');
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/u);
    expect(policy).toContain(`'nonce-${nonce}'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(forwarded(response, 'content-security-policy')).toBe(policy);
    expect(forwarded(response, 'x-request-path')).toBe('/sign-in?callbackUrl=%2Fteams');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends a signed-out request for a page to sign in, with the way back, and still sets the policy', async () => {
    const response = await proxy(request('/teams/abc?page=2&_rsc=1x2y'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${SITE}/sign-in?callbackUrl=%2Fteams%2Fabc%3Fpage%3D2`);
    expect(response.headers.get('content-security-policy')).toContain("'strict-dynamic'");
  });

  it('lets signed-out people reach the public pages and next-auth', async () => {
    for (const path of ['/sign-in', '/set-password/abc', '/api/auth/session', '/api/auth/csrf']) {
      const response = await proxy(request(path));
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('x-middleware-next')).toBe('1');
    }
  });

  it('refuses malformed addresses with 400 before anything else', async () => {
    for (const path of ['/teams/%ZZ', '/teams?q=%2Fe%00', '/sign-in?callbackUrl=%E0%A4%A', '/%00']) {
      const response = await proxy(request(path));
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.headers.get('content-security-policy')).toBeTruthy();
    }
  });

  it('refuses a post from another site with 403, and lets same-site posts through', async () => {
    const post = (origin: string | undefined) =>
      proxy(request('/teams/new', { method: 'POST', body: 'name=x', headers: { host: 'peerroles.test', 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) } }));
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post('null')).status).toBe(403);
    expect((await post('http://peerroles.test.evil.example')).status).toBe(403);
    // Signed out, so a same-site post goes on to the sign-in redirect rather than being refused.
    expect((await post(SITE)).status).toBe(307);
    expect((await post(undefined)).status).toBe(307);
    const signOut = await proxy(request('/api/auth/signout', { method: 'POST', body: 'csrfToken=x', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(signOut.status).toBe(403);
  });

  it('refuses a body over 1 MB with 413 anywhere but the people import, which may send a staff list', async () => {
    const post = (path: string, bytes: number) =>
      proxy(request(path, { method: 'POST', body: 'x', headers: { host: 'peerroles.test', origin: SITE, 'content-length': String(bytes), 'content-type': 'multipart/form-data; boundary=x' } }));
    expect((await post('/teams/new', 1024 * 1024 + 1)).status).toBe(413);
    expect((await post('/sign-in', 60 * 1024 * 1024)).status).toBe(413);
    expect((await post('/people/import/other', 2 * 1024 * 1024)).status).toBe(413);
    // Up to 1 MB goes on (here to the sign-in redirect, signed out); the import's page takes more.
    expect((await post('/teams/new', 1024 * 1024)).status).toBe(307);
    expect((await post('/people/import', 50 * 1024 * 1024)).status).toBe(307);
    // A body of unknown length (chunked) is refused everywhere: browsers send a length with every form.
    const chunked = (path: string) => proxy(request(path, { method: 'POST', body: 'x', headers: { host: 'peerroles.test', origin: SITE, 'transfer-encoding': 'chunked' } }));
    expect((await chunked('/set-password/x')).status).toBe(413);
    expect((await chunked('/people/import')).status).toBe(413);
  });

  it("answers a GET of next-auth's credentials callback with 404", async () => {
    expect((await proxy(request('/api/auth/callback/credentials'))).status).toBe(404);
  });

  it('refuses next-auth posts with a callbackUrl next-auth cannot parse', async () => {
    for (const callbackUrl of [';env;', '/etc/passwd\u0000']) {
      const body = new URLSearchParams({ csrfToken: 'x', callbackUrl }).toString();
      const response = await proxy(request('/api/auth/signout', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
      expect(response.status).toBe(400);
    }
    const fine = new URLSearchParams({ csrfToken: 'x', callbackUrl: '/sign-in' }).toString();
    const response = await proxy(request('/api/auth/signout', { method: 'POST', body: fine, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it("drops a callback-url cookie next-auth cannot parse, so it cannot fail every page", async () => {
    const response = await proxy(request('/sign-in', { headers: { cookie: 'next-auth.callback-url=%3Benv%3B; other=1' } }));
    expect(forwarded(response, 'cookie')).not.toContain('callback-url');
    expect(forwarded(response, 'cookie')).toContain('other=1');
    expect(setCookies(response).some((cookie) => cookie.startsWith('next-auth.callback-url=;'))).toBe(true);
  });

  it("gives the sign-in page next-auth's CSRF cookie when it has none or a forged one, and keeps a good one", async () => {
    for (const cookie of [undefined, `next-auth.csrf-token=${'ab'.repeat(32)}%7C${'0'.repeat(64)}`]) {
      const response = await proxy(request('/sign-in', cookie ? { headers: { cookie } } : undefined));
      const set = setCookies(response).find((value) => value.startsWith('next-auth.csrf-token='));
      expect(set).toMatch(/; Path=\/; HttpOnly; SameSite=lax$/iu);
      const value = decodeURIComponent(set!.split(';')[0].split('=')[1]);
      expect(await verifiedCsrfToken(value, SECRET)).toMatch(/^[0-9a-f]{64}$/u);
      // The page sees it on this same request.
      expect(forwarded(response, 'cookie')).toContain(`next-auth.csrf-token=${encodeURIComponent(value)}`);
    }
    const { cookieValue } = await createCsrfCookieValue(SECRET);
    const kept = await proxy(request('/sign-in', { headers: { cookie: `next-auth.csrf-token=${encodeURIComponent(cookieValue)}` } }));
    expect(setCookies(kept).some((value) => value.startsWith('next-auth.csrf-token='))).toBe(false);
  });

  it('keeps the email, never the password, from a sign-in posted without JavaScript', async () => {
    const body = new URLSearchParams({ csrfToken: 'x', callbackUrl: '/teams', email: 'admin@peerroles.test', password: 'secret words' }).toString();
    const response = await proxy(request('/api/auth/callback/credentials', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    const cookies = setCookies(response);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^peerroles\.sign-in-email=admin%40peerroles\.test; Path=\/sign-in; .*Max-Age=120; .*HttpOnly/u);
    expect(cookies.join()).not.toContain('secret');
    // next-auth/react (JavaScript) posts json=true: nothing to keep.
    const withScript = new URLSearchParams({ csrfToken: 'x', email: 'admin@peerroles.test', password: 'p', json: 'true' }).toString();
    const scripted = await proxy(request('/api/auth/callback/credentials', { method: 'POST', body: withScript, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(setCookies(scripted)).toEqual([]);
  });
});

describe('proxy over https', () => {
  const proxy = loadProxy('https://peerroles.example.nhs.uk');

  it('adds HSTS and upgrade-insecure-requests, and uses the __Host- CSRF cookie', async () => {
    const response = await proxy(new NextRequest('https://peerroles.example.nhs.uk/sign-in'));
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const set = setCookies(response).find((value) => value.startsWith('__Host-next-auth.csrf-token='));
    expect(set).toMatch(/; Secure/iu);
  });
});
