import type { ReactNode } from 'react';
import type { CurrentUser } from '@/lib/auth/load';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { SkipLink } from '@/components/layout/skip-link';

/** Skip link, header, the width container with <main id="maincontent">, and footer: the NHS page template. */
export function PageShell({ user, children }: { user: CurrentUser | null; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <Header user={user} />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}
