import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'You do not have permission to view this page' };

/** 403, from forbidden() (requirePermission). Says nothing about what the page holds or which permission is missing. */
export default function Forbidden() {
  return (
    <div className="nhsuk-grid-row">
      {/* Also a <title> element: when a page calls notFound() or forbidden(), its own metadata would otherwise name it. */}
      <title>You do not have permission to view this page – PeerRoles</title>
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You do not have permission to view this page</h1>
        <p>If you think you should be able to see it, ask an administrator.</p>
        <p>
          <Link href="/">Go to the PeerRoles home page</Link>
        </p>
      </div>
    </div>
  );
}
