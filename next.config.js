/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The generated Prisma client and native modules stay outside the server bundle.
  serverExternalPackages: ['argon2', 'pg', '@prisma/adapter-pg'],
  // forbidden() (lib/auth/current-user.ts requirePermission) renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
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
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
