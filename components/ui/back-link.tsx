import Link from 'next/link';
import type { ReactNode } from 'react';

/** NHS back link to a known page (never history.back(), which may leave the service or fail from a bookmark). */
export function BackLink({ href, children = 'Back' }: { href: string; children?: ReactNode }) {
  return (
    <Link className="nhsuk-back-link" href={href}>
      {children}
    </Link>
  );
}
