import Link from 'next/link';
import { UNREADABLE } from '@/components/supervision/actions-list';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { AmendSessionForm, ChangeSessionForm } from '@/components/supervision/session-form';
import { sessionValues } from '@/components/supervision/session-values';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { PageHeading } from '@/components/ui/page-heading';
import { sessionPath } from '@/lib/supervision/paths';
import type { SessionToRevise } from '@/lib/supervision/queries';

/**
 * The change and amend pages of a session record, which differ only in their
 * words and form: whoever recorded a session changes it until it is
 * co-signed; once it is, either of its two people amends it (a new record
 * naming it, and both are kept). Either says plainly when it no longer can.
 */
export function ReviseSession({ view, mode }: { view: SessionToRevise; mode: 'change' | 'amend' }) {
  const { session } = view;
  const back = sessionPath(session.id);
  const toRecord = <Link href={back}>Go to the record</Link>;
  const otherParty = view.access.isPeerWorker ? session.supervisorName : session.peerWorkerName;
  const verb = mode === 'change' ? 'changed' : 'amended';
  let body;
  if (!view.allowed) {
    // Co-signed or amended a moment ago (without JavaScript), the placement ended, or an old link.
    const [heading, why] = session.placementEnded
      ? [`This record can no longer be ${verb}`, <>The placement has ended, so its supervision record is kept as it is. {toRecord}.</>]
      : mode === 'change'
        ? [
            'This record can no longer be changed',
            <>
              {session.cosignedAt ? 'It has been co-signed, so it is never edited: amend it instead, and both records are kept.' : 'Only the person who recorded it can change it.'} {toRecord}.
            </>,
          ]
        : session.amendedById
          ? ['This record has been amended', <><Link href={sessionPath(session.amendedById)}>See the amendment</Link>: to amend it again, amend that one.</>]
          : ['This record is not co-signed yet', <>Whoever recorded it can still change it. {toRecord}.</>];
    body = (
      <>
        <h1>{heading}</h1>
        <p>{why}</p>
      </>
    );
  } else if (view.values.notes === null || view.values.attendees === null) {
    body = (
      <>
        <h1>This record cannot be {verb}</h1>
        <p>
          {UNREADABLE} {toRecord}.
        </p>
      </>
    );
  } else {
    const values = sessionValues(session, { notes: view.values.notes, attendees: view.values.attendees });
    body = (
      <>
        <PageHeading caption={`${TYPE_LABELS[session.type]}, ${session.peerWorkerName} with ${session.supervisorName}`}>{mode === 'change' ? 'Change the record' : 'Amend the record'}</PageHeading>
        {mode === 'change' ? (
          <>
            <p>
              Recorded on <DateTime value={session.createdAt} dateOnly /> and not yet co-signed. {otherParty} is asked to co-sign the changed record.
            </p>
            <ChangeSessionForm sessionId={session.id} version={session.version} topics={view.topics} values={values} otherParty={otherParty} />
          </>
        ) : (
          <>
            <p>
              This record was co-signed on <DateTime value={session.cosignedAt!} dateOnly />, so it is never changed. Your amendment is saved as a new record beside it, and {otherParty} is asked to co-sign that.
            </p>
            <AmendSessionForm sessionId={session.id} topics={view.topics} values={values} otherParty={otherParty} />
          </>
        )}
      </>
    );
  }
  return (
    <>
      <BackLink href={back}>Back to the record</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">{body}</div>
      </div>
    </>
  );
}
