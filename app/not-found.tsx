import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

/** 404: for unknown addresses and for records that do not exist or that this person may not know exist. */
export default function NotFound() {
  return (
    <div className="nhsuk-grid-row">
      {/* Also a <title> element: when a page calls notFound() or forbidden(), its own metadata would otherwise name it. */}
      <title>Page not found – PeerRoles</title>
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Page not found</h1>
        <p>If you entered a web address, check it was correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          <Link href="/">Go to the PeerRoles home page</Link>
        </p>
      </div>
    </div>
  );
}
