import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReviewEntryForms, WithdrawEntryForm } from '@/components/supervision/library-forms';
import { REVIEW_PATH } from '@/components/supervision/library-paths';
import { SCOPE_LABELS } from '@/components/supervision/labels';
import { EntryStatusTag } from '@/components/supervision/status-tags';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { SummaryList } from '@/components/ui/summary-list';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';
import { loadLibraryEntry } from '@/lib/supervision/load';
import { LIBRARY_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';

type Params = Promise<{ entryId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { view } = await loadLibraryEntry((await params).entryId);
  return { title: view ? `${view.entry.title} – Peer practice library` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  proposed: 'Entry proposed. A peer supervisor reviews it before it is published.',
  withdrawn: 'Entry withdrawn. Nobody else can read it now.',
};

const STATUS_NOTES = {
  PROPOSED: 'Waiting for a peer supervisor to review it. Only you and peer supervisors can read it until it is published.',
  PUBLISHED: null,
  WITHDRAWN: 'You withdrew it: nobody else can read it.',
  DECLINED: 'A peer supervisor declined it, so it was not published. Nobody else can read it.',
} as const;

/**
 * One library entry: for its readers once published; for its author whatever
 * its status, with a button to withdraw it; for a peer supervisor while it
 * waits for review, with Approve and Decline.
 */
export default async function LibraryEntryPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { entryId } = await params;
  const { view } = await loadLibraryEntry(entryId);
  if (!view) notFound();
  const { entry, isAuthor, canWithdraw, canReview } = view;
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const statusNote = isAuthor ? STATUS_NOTES[entry.status] : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          { href: SUPERVISION_PATH, label: 'Supervision' },
          canReview ? { href: REVIEW_PATH, label: 'Proposals waiting for review' } : { href: LIBRARY_PATH, label: 'Peer practice library' },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{entry.title}</h1>
          {saved ? (
            <div className="nhsuk-inset-text" role="status">
              <p>{saved}</p>
            </div>
          ) : null}
          {isAuthor || canReview ? (
            <p>
              <EntryStatusTag status={entry.status} />
            </p>
          ) : null}
          {statusNote ? (
            <InsetText>
              <p>{statusNote}</p>
            </InsetText>
          ) : null}
          <SummaryList
            rows={[
              { key: 'By', value: entry.authorName ? `${entry.authorName}${isAuthor && !entry.showName ? ' (your name is not shown to others)' : ''}` : 'Name not shown' },
              { key: 'For', value: entry.scope === 'TEAM' ? `${entry.teamName} (team)` : SCOPE_LABELS.ORGANISATION },
              { key: entry.status === 'PUBLISHED' ? 'Proposed' : 'Written', value: <DateTime value={entry.createdAt} dateOnly /> },
              ...(entry.tags.length > 0 ? [{ key: 'Tags', value: entry.tags.join(', ') }] : []),
            ]}
          />
          <h2>The situation</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{entry.situation}</p>
          <h2>What they did as a peer</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{entry.whatIDid}</p>
          <h2>What they learned</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{entry.whatILearned}</p>

          {canReview ? (
            <section aria-labelledby="review">
              <h2 id="review">Review this entry</h2>
              <p>Approve it if it describes peer practice in general terms and identifies nobody: no names, places, dates or details someone could recognise. Approving publishes it {entry.scope === 'TEAM' ? `to ${entry.teamName}` : 'to everyone in the organisation'}.</p>
              <ReviewEntryForms entryId={entry.id} version={entry.version} />
            </section>
          ) : null}

          {canWithdraw ? (
            <section aria-labelledby="withdraw">
              <h2 id="withdraw">Withdraw it</h2>
              <p>{entry.status === 'PUBLISHED' ? 'It leaves the library at once. ' : ''}You can withdraw your entry at any time. It cannot be undone: to share it again, propose it again.</p>
              <WithdrawEntryForm key={entry.version} entryId={entry.id} version={entry.version} />
            </section>
          ) : null}

          <p>
            <Link href={LIBRARY_PATH}>Back to the library</Link>
          </p>
        </div>
      </div>
    </>
  );
}
