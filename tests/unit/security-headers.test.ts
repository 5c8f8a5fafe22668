import { createHash } from 'node:crypto';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  ALLOWED_STYLE_ATTRIBUTE_HASHES,
  NEXT_AUTH_PAGE_STYLE_HASH,
  STRICT_TRANSPORT_SECURITY,
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
} from '@/lib/http/security-headers';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((part) => { const [name, ...sources] = part.split(' '); return [name, sources]; }));
}

describe('contentSecurityPolicy', () => {
  const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', https: false }));

  it('allows scripts only with the nonce (and what they load), never inline or eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it('allows styles from the site or with the nonce, and only the known style attributes', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc123=='", "'unsafe-hashes'", ...ALLOWED_STYLE_ATTRIBUTE_HASHES]);
    expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
  });

  it('refuses framing, plugins, base changes and posting elsewhere', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('upgrades insecure requests only over https', () => {
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce: 'n', https: true })).has('upgrade-insecure-requests')).toBe(true);
  });

  it('relaxes only what next dev needs, and only in development', () => {
    const dev = directives(contentSecurityPolicy({ nonce: 'n', https: false, development: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('style-src')).toContain("'unsafe-inline'");
  });

  it("allows next-auth's own page style only on next-auth's pages", () => {
    expect(policy.get('style-src')).not.toContain(NEXT_AUTH_PAGE_STYLE_HASH);
    expect(directives(contentSecurityPolicy({ nonce: 'n', https: false, nextAuthPage: true })).get('style-src')).toContain(NEXT_AUTH_PAGE_STYLE_HASH);
  });
});

describe('the hashes in the policy', () => {
  it('match the style attribute React writes for multi-line text', () => {
    const html = renderToStaticMarkup(createElement('span', { style: { whiteSpace: 'pre-line' } }, 'a'));
    const attribute = /style="([^"]*)"/u.exec(html)?.[1];
    expect(attribute).toBe('white-space:pre-line');
    expect(ALLOWED_STYLE_ATTRIBUTE_HASHES).toEqual([sha256(attribute!)]);
  });

  it("match next-auth's page stylesheet (update the hash when next-auth is upgraded)", () => {
    // next-auth does not export its css module: load it by path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const css = (require(path.join(path.dirname(require.resolve('next-auth')), 'css', 'index.js')) as () => string)();
    expect(NEXT_AUTH_PAGE_STYLE_HASH).toBe(sha256(css));
  });
});

describe('securityHeaders', () => {
  it('sends HSTS only over https', () => {
    expect(securityHeaders({ nonce: 'n', https: true })['Strict-Transport-Security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toMatch(/^max-age=(\d+); includeSubDomains$/u);
    expect(Number(/max-age=(\d+)/u.exec(STRICT_TRANSPORT_SECURITY)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(securityHeaders({ nonce: 'n', https: false })).not.toHaveProperty('Strict-Transport-Security');
  });

  it('makes a different 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
