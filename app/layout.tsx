import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getCurrentSession } from '@/lib/auth/load';
import { secondsUntil, SESSION_IDLE_MS, SESSION_WARNING_MS } from '@/lib/auth/session-lifetime';
import { SessionTimeout } from '@/components/layout/session-timeout';
import { NHS_BLUE, NHSUK_IMAGES, NHSUK_STYLESHEET } from '@/components/layout/assets';
import { PageShell } from '@/components/layout/page-shell';

export const metadata: Metadata = {
  title: { template: '%s – PeerRoles', default: 'PeerRoles' },
  description: 'Define, agree and recruit to NHS mental health peer worker roles.',
  icons: {
    icon: [
      { url: `${NHSUK_IMAGES}/favicon.ico`, sizes: '48x48' },
      { url: `${NHSUK_IMAGES}/favicon.svg`, sizes: 'any', type: 'image/svg+xml' },
    ],
    apple: `${NHSUK_IMAGES}/nhsuk-icon-180.png`,
  },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: NHS_BLUE,
};

/**
 * The NHS page template (nhsuk-frontend's template.njk) for every page, including
 * the 403, 404 and error pages, which render inside this layout rather than the
 * (app) group's. nhsuk-frontend's JavaScript is not loaded and so the body does
 * not get `nhsuk-frontend-supported`: see docs/decisions/nhsuk-frontend-without-its-javascript.md.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const user = session.user;
  return (
    <html lang="en-GB">
      <head>
        <link rel="stylesheet" href={NHSUK_STYLESHEET} />
      </head>
      <body>
        <PageShell user={user}>{children}</PageShell>
        {session.user ? (
          <SessionTimeout secondsLeft={secondsUntil(session.idleExpiresAt)} idleMs={SESSION_IDLE_MS} warningMs={SESSION_WARNING_MS} />
        ) : null}
      </body>
    </html>
  );
}
