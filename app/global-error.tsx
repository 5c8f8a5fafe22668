'use client';

import { NHSUK_STYLESHEET } from '@/components/layout/assets';
import { Footer } from '@/components/layout/footer';
import { HeaderService } from '@/components/layout/header-service';
import { errorReference, ServiceProblem } from '@/components/layout/service-problem';
import { SkipLink } from '@/components/layout/skip-link';

/** 500 when the root layout itself failed (for example the database is unreachable): its own document, no navigation. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, there is a problem with the service – PeerRoles</title>
        <link rel="stylesheet" href={NHSUK_STYLESHEET} />
      </head>
      <body>
        <SkipLink />
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <HeaderService />
          </div>
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            <ServiceProblem reference={errorReference(error)} onRetry={retry} />
          </main>
        </div>
        <Footer />
      </body>
    </html>
  );
}
