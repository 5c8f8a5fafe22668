/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The generated Prisma client and native modules stay outside the server bundle.
  serverExternalPackages: ['argon2', 'pg', '@prisma/adapter-pg'],
  // forbidden() (lib/auth/current-user.ts requirePermission) renders app/forbidden.tsx with a 403.
  // Server actions take bodies up to 60 MB (and the proxy passes them on whole, not cut at 10 MB) so an
  // oversized staff list (lib/people/rules.ts MAX_IMPORT_BYTES) reaches the import's action and is refused
  // with a message; proxy.ts refuses bodies over 1 MB (Next's default), and bodies of unknown length,
  // everywhere but the import page before anything reads them.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '60mb' }, proxyClientMaxBodySize: '60mb' },
  // Browsers ask for /favicon.ico whatever the page says; serve the NHS one.
  async rewrites() {
    return [{ source: '/favicon.ico', destination: '/nhsuk/assets/images/favicon.ico' }];
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Older browsers; the Content-Security-Policy from proxy.ts says frame-ancestors 'none'.
          { key: 'X-Frame-Options', value: 'DENY' },
          // Current browsers have no XSS auditor and ignore this; the CSP protects instead. Block mode (not the
          // filtering mode OWASP warns could be abused) for the few old ones that have it, and so scanners such
          // as Wapiti, which the trust's assurance team may run, report nothing.
          { key: 'X-XSS-Protection', value: '1; mode=block' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
