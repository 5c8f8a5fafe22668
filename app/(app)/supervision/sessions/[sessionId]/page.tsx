import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionsList, UNREADABLE } from '@/components/supervision/actions-list';
import { duration, TYPE_LABELS } from '@/components/supervision/labels';
import { AddActionForm, CommentForm, CosignSessionForm } from '@/components/supervision/record-forms';
import { CosignedTag } from '@/components/supervision/status-tags';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime, formatDate } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';
import { loadSession } from '@/lib/supervision/load';
import { agreementPath, CHECK_INS_PATH, LIBRARY_PATH, sessionPath, SUPERVISION_PATH } from '@/lib/supervision/paths';

type Params = Promise<{ sessionId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { detail } = await loadSession((await params).sessionId);
  // The type and date only: a title is shown in history and tabs, so never anything that was said.
  return { title: detail ? `${TYPE_LABELS[detail.session.type]}, ${formatDate(detail.session.heldOn)} – Supervision` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  recorded: 'Session recorded. The other person in it is asked to co-sign it.',
  changed: 'Record changed.',
  amended: 'Amendment saved. The earlier record is kept as it was.',
  cosigned: 'Record co-signed as a fair record.',
  comment: 'Comment added.',
  action: 'Action added. It carries into the next sessions until it is done.',
  'action-status': 'Action updated.',
};

/**
 * One session record. Everyone who may follow the agreement sees that it
 * happened: type, date, length, topics, who recorded it and whether it is
 * co-signed. Its notes, who attended, its comments and actions are for the
 * peer worker and the supervisor of this session alone; nobody else is told
 * whether there are any.
 */
export default async function SessionPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { sessionId } = await params;
  const { detail } = await loadSession(sessionId);
  if (!detail) notFound();
  const { session, isPeerWorker, canCosign, canChange, canAmend, access } = detail;
  const privatePart = detail.private;
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const path = sessionPath(session.id);
  const otherParty = isPeerWorker ? session.supervisorName : session.peerWorkerName;
  const current = !session.placementEnded;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          { href: SUPERVISION_PATH, label: 'Supervision' },
          { href: agreementPath(session.agreementId), label: access.isPeerWorker ? 'Your agreement' : `${session.peerWorkerName}’s agreement` },
        ]}
      />
      <PageHeading caption={`${session.peerWorkerName} with ${session.supervisorName}, ${session.teamName}`}>
        {TYPE_LABELS[session.type]}, <DateTime value={session.heldOn} dateOnly />
      </PageHeading>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {session.amendedById ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              This record was amended
            </span>
          </h2>
          <p>
            It is kept as it was co-signed. <Link href={sessionPath(session.amendedById)}>See the amendment</Link>.
          </p>
        </div>
      ) : null}
      {session.amendsId ? (
        <InsetText>
          <p>
            This record amends an earlier co-signed record, which is kept. <Link href={sessionPath(session.amendsId)}>See the earlier record</Link>.
          </p>
        </InsetText>
      ) : null}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: 'Type', value: TYPE_LABELS[session.type] },
              { key: 'Date', value: <DateTime value={session.heldOn} dateOnly /> },
              { key: 'Length', value: duration(session.durationMinutes) },
              { key: 'Peer worker', value: session.peerWorkerName },
              { key: 'Supervisor', value: session.supervisorName },
              ...(privatePart && privatePart.attendees !== '' ? [{ key: 'Also attended', value: privatePart.attendees ?? UNREADABLE }] : []),
              { key: 'Topics', value: session.topics.length === 0 ? 'None recorded' : session.topics.join(', ') },
              { key: 'Recorded by', value: session.recordedByName },
              {
                key: 'Co-signed',
                value: session.cosignedAt ? (
                  <>
                    By {session.cosignedByName} on <DateTime value={session.cosignedAt} dateOnly />
                  </>
                ) : (
                  <CosignedTag cosigned={false} />
                ),
              },
            ]}
          />

          {!privatePart ? (
            <InsetText>
              <p>Notes are private to the peer worker and the supervisor.</p>
            </InsetText>
          ) : (
            <>
              {canCosign ? (
                <section aria-labelledby="cosign">
                  <h2 id="cosign">Is this a fair record?</h2>
                  <p>Co-sign it if it is a fair record of the session. If something is not right, say so in a comment below: {session.recordedByName} can change the record until you co-sign it.</p>
                  <CosignSessionForm key={session.version} sessionId={session.id} version={session.version} />
                </section>
              ) : null}

              <section aria-labelledby="notes">
                <h2 id="notes">Notes</h2>
                <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Only you and {otherParty} can read these notes.</p>
                {privatePart.notes === null ? <p>{UNREADABLE}</p> : <p style={{ whiteSpace: 'pre-line' }}>{privatePart.notes}</p>}
                {canChange ? (
                  <p>
                    <Link href={`${path}/edit`}>
                      Change<span className="nhsuk-u-visually-hidden"> this record</span>
                    </Link>{' '}
                    (until it is co-signed)
                  </p>
                ) : null}
                {canAmend ? (
                  <p>
                    <Link href={`${path}/amend`}>Amend this record</Link>: a co-signed record is never changed, so an amendment is kept beside it.
                  </p>
                ) : null}
              </section>

              <section aria-labelledby="session-actions">
                <h2 id="session-actions">Actions agreed</h2>
                {privatePart.actions.length === 0 ? <p>No actions were agreed in this session.</p> : <ActionsList actions={privatePart.actions} returnTo={path} canUpdate={current} />}
                {current ? (
                  <>
                    <h3>Add an action</h3>
                    <AddActionForm key={privatePart.actions.length} sessionId={session.id} peerWorkerName={session.peerWorkerName} supervisorName={session.supervisorName} />
                  </>
                ) : null}
              </section>

              {privatePart.carriedOver.length > 0 ? (
                <section aria-labelledby="carried-over">
                  <h2 id="carried-over">Actions still open from other sessions</h2>
                  <ActionsList actions={privatePart.carriedOver} returnTo={path} canUpdate={current} />
                </section>
              ) : null}

              <section aria-labelledby="comments">
                <h2 id="comments">Comments</h2>
                {privatePart.comments.length === 0 ? (
                  <p>No comments yet.</p>
                ) : (
                  <ul className="nhsuk-list nhsuk-list--border">
                    {privatePart.comments.map((comment) => (
                      <li key={comment.id}>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          {comment.authorName}, <DateTime value={comment.createdAt} />
                        </p>
                        <p style={{ whiteSpace: 'pre-line' }}>{comment.text ?? UNREADABLE}</p>
                      </li>
                    ))}
                  </ul>
                )}
                {current ? <CommentForm key={privatePart.comments.length} sessionId={session.id} otherParty={otherParty} /> : <p>This placement has ended, so the record takes no more comments.</p>}
              </section>

              {isPeerWorker ? (
                <section aria-labelledby="after">
                  <h2 id="after">After the session</h2>
                  <ul className="nhsuk-list">
                    {!privatePart.checkedIn && current ? (
                      <li>
                        <Link href={`${CHECK_INS_PATH}/new?sessionId=${session.id}`}>Check in: how supported do you feel?</Link>
                      </li>
                    ) : null}
                    {current ? (
                      <li>
                        <Link href={`${LIBRARY_PATH}/new?sessionId=${session.id}`}>Propose a reflection for the peer practice library</Link>
                      </li>
                    ) : null}
                  </ul>
                </section>
              ) : null}
            </>
          )}
        </div>
      </div>
    </>
  );
}
