/**
 * The headers every page gets from the proxy: a Content-Security-Policy with a
 * fresh nonce per request, and Strict-Transport-Security over https. Next reads
 * the nonce from the request's CSP header and puts it on its own scripts (pages
 * are rendered per request: the root layout reads the session cookie).
 *
 * No imports: the proxy and the unit tests use this file.
 */

/**
 * Style attributes the app renders (`style={{ whiteSpace: 'pre-line' }}` for text
 * people typed on several lines). CSP nonces cover elements only, so each exact
 * attribute value is allowed by its hash ('unsafe-hashes'); any other inline
 * style is refused and the browser tests fail on the violation.
 * sha256 of "white-space:pre-line", as React writes it.
 */
export const ALLOWED_STYLE_ATTRIBUTE_HASHES = ["'sha256-uAV/1Dlr0/PK5r0V2kt82Ovpr7zZ2GUYdMixX3FhYTE='"];

/**
 * next-auth's own sign-out confirmation page (GET /api/auth/signout, shown when a
 * sign-out post has no valid CSRF token) has one inline <style>: its hash, for
 * next-auth 4.24.15 (tests/unit/security-headers.test.ts checks it still matches).
 */
export const NEXT_AUTH_PAGE_STYLE_HASH = "'sha256-6wV7SHOo9X7tADuDuhDShOwv1+2VO8VzlP0nybjOZ3o='";

/**
 * NHS fonts: nhsuk-frontend's stylesheet loads Frutiger from assets.nhs.uk (the
 * licence allows it only from there). Browsers fall back to Arial when it is unreachable.
 */
const NHS_FONT_ORIGIN = 'https://assets.nhs.uk';

export interface PolicyOptions {
  nonce: string;
  /** The site is served over https (NEXTAUTH_URL): adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** next dev: React needs eval for its error overlay, and injects styles. */
  development?: boolean;
  /** The response is one of next-auth's own pages (/api/auth/...). */
  nextAuthPage?: boolean;
  /**
   * Other origins a form on this page may post to or be redirected to: the
   * identity provider's, on the sign-in page (its button's post to next-auth is
   * redirected there, and browsers check form-action on that redirect).
   */
  formActionOrigins?: string[];
}

/** A nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, https, development = false, nextAuthPage = false, formActionOrigins = [] }: PolicyOptions): string {
  const styleSources = development
    ? ["'self'", "'unsafe-inline'"]
    : ["'self'", `'nonce-${nonce}'`, "'unsafe-hashes'", ...ALLOWED_STYLE_ATTRIBUTE_HASHES, ...(nextAuthPage ? [NEXT_AUTH_PAGE_STYLE_HASH] : [])];
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    // 'strict-dynamic': scripts Next loads from its nonce'd scripts may run; nothing inline without the nonce.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', ...styleSources],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'", NHS_FONT_ORIGIN],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'", ...formActionOrigins],
    ['frame-ancestors', "'none'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'none'"],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Two years, the HSTS preload list's minimum; subdomains too. Only over https (browsers ignore it on http). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The response headers the proxy adds; static files get the others from next.config.js. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    ...(options.https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
