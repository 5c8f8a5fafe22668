import Link from 'next/link';
import type { ReactNode } from 'react';
import { NotificationBanner } from '@/components/ui/notification-banner';

/**
 * A success banner with one link onward: what a form shows after a successful
 * post without JavaScript (with it, the router has already moved on), and what
 * a page shows after a change sent it there.
 */
export function SavedBanner({ heading, href, children }: { heading: string; href: string; children: ReactNode }) {
  return (
    <NotificationBanner type="success" heading={heading}>
      <p>
        <Link className="nhsuk-notification-banner__link" href={href}>
          {children}
        </Link>
      </p>
    </NotificationBanner>
  );
}
