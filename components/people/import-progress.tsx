'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** How often the page asks again while the worker writes (with JavaScript; without it, the person reloads). */
const REFRESH_MS = 2_000;

/**
 * A background import's progress. With JavaScript the page reads it again every
 * two seconds until the import is done; without, the link reloads it. No
 * automatic refresh of the whole page: it would move a screen reader's place.
 */
export function ImportProgress({ status, processed, total, href }: { status: 'QUEUED' | 'RUNNING'; processed: number; total: number; href: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;
  return (
    <>
      <p>
        {status === 'QUEUED'
          ? `Waiting to start: ${total.toLocaleString('en-GB')} people to write.`
          : `${processed.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} people written (${percent}%).`}
      </p>
      <progress style={{ width: '100%', height: '2rem' }} value={status === 'QUEUED' ? 0 : processed} max={Math.max(total, 1)} aria-label="People written">
        {percent}%
      </progress>
      <p>Everything is written together at the end: until then nobody in PeerRoles has changed. You can leave this page and come back.</p>
      <p>
        <a href={href}>Check progress</a>
      </p>
    </>
  );
}
