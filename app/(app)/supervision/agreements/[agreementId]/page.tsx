import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionsList } from '@/components/supervision/actions-list';
import { SignAgreementForm } from '@/components/supervision/agreement-forms';
import { everyWeeks, TYPE_LABELS } from '@/components/supervision/labels';
import { SessionsTable } from '@/components/supervision/sessions-table';
import { DueTag } from '@/components/supervision/status-tags';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';
import { loadAgreement } from '@/lib/supervision/load';
import { agreementPath, SUPERVISION_PATH } from '@/lib/supervision/paths';

type Params = Promise<{ agreementId: string }>;

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { detail } = await loadAgreement((await params).agreementId, parsePage(searchParam(await searchParams, 'page')));
  if (!detail) return { title: 'Page not found' };
  return { title: detail.access.isPeerWorker ? 'Your supervision agreement – Supervision' : `${detail.agreement.peerWorkerName} – Supervision` };
}

const SAVED: Record<string, string> = {
  created: 'Supervision agreement set up. Add each type of supervision they receive.',
  'arrangement-added': 'Supervision added. The peer worker and the supervisor are asked to sign the agreement.',
  'arrangement-ended': 'Supervision arrangement ended. Its sessions are kept.',
  signed: 'Agreement signed.',
  'action-status': 'Action updated.',
};

/**
 * A peer worker's supervision agreement: each type, from whom, how often,
 * when it is next due and who has signed; its sessions as facts (never what
 * was said); and the open actions carried into the next session, whose text
 * only the two people in the session they came from read.
 */
export default async function AgreementPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { agreementId } = await params;
  const query = await searchParams;
  const page = parsePage(searchParam(query, 'page'));
  const { detail } = await loadAgreement(agreementId, page);
  if (!detail) notFound();
  const { access, agreement, arrangements, recordable, needsSignature, canManage, sessions, openActions } = detail;
  const saved = lookup(SAVED, searchParam(query, 'saved'));
  const path = agreementPath(agreement.id);
  const current = arrangements.filter((arrangement) => !arrangement.endedAt);
  const ended = arrangements.filter((arrangement) => arrangement.endedAt);
  const typesLeft = (['PEER', 'LINE_MANAGEMENT', 'CLINICAL', 'GROUP_REFLECTIVE'] as const).filter((type) => !current.some((arrangement) => arrangement.type === type));
  const name = access.isPeerWorker ? 'you' : agreement.peerWorkerName;
  const hidden = openActions.total - openActions.readable.length;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: SUPERVISION_PATH, label: 'Supervision' }]} />
      <PageHeading caption={`${agreement.teamName}: ${agreement.roleTitle}`}>{access.isPeerWorker ? 'Your supervision agreement' : `${agreement.peerWorkerName}’s supervision agreement`}</PageHeading>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {agreement.endedAt ? (
        <InsetText>
          <p>
            This placement ended on <DateTime value={agreement.endedAt} dateOnly />. Its supervision record is kept as it was.
          </p>
        </InsetText>
      ) : null}

      <SummaryList
        rows={[
          ...(access.isPeerWorker ? [] : [{ key: 'Peer worker', value: agreement.peerWorkerName }]),
          { key: 'Line manager', value: agreement.lineManager ?? 'Nobody named' },
          { key: 'Peer supervisor', value: agreement.peerSupervisor ?? 'Nobody named' },
          {
            key: access.isPeerWorker ? 'Signed by you' : 'Signed by the peer worker',
            value: agreement.signedByPeerWorkerAt ? <DateTime value={agreement.signedByPeerWorkerAt} dateOnly /> : <Tag colour="grey">Not yet signed</Tag>,
          },
        ]}
      />

      {needsSignature ? (
        <section aria-labelledby="sign">
          <h2 id="sign">Sign the agreement</h2>
          <p>
            {access.isPeerWorker
              ? 'By signing you agree to receive the supervision below, from these people, this often. If something is not right, talk to your manager before you sign.'
              : 'By signing you agree to give the supervision below that names you, this often.'}
          </p>
          <SignAgreementForm key={agreement.version} agreementId={agreement.id} version={agreement.version} label="Sign the agreement" />
        </section>
      ) : null}

      {recordable.length > 0 ? <ButtonLink href={`${path}/sessions/new`}>Record a session</ButtonLink> : null}

      <section aria-labelledby="arrangements">
        <h2 id="arrangements">Supervision {access.isPeerWorker ? 'you receive' : `${name} receives`}</h2>
        {current.length === 0 ? (
          <p>No supervision has been added yet{canManage ? '.' : ': the team’s manager or the line manager adds it.'}</p>
        ) : (
          <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Supervision arrangements (scrolls sideways on a small screen)">
            <Table
              caption="Supervision arrangements"
              captionHidden
              responsive
              firstCellIsHeader
              columns={[{ header: 'Type' }, { header: 'Supervisor' }, { header: 'How often' }, { header: 'Next due' }, { header: 'Signed by the supervisor' }, ...(canManage ? [{ header: 'Action' }] : [])]}
              rows={current.map((arrangement) => ({
                key: arrangement.id,
                cells: [
                  TYPE_LABELS[arrangement.type],
                  arrangement.supervisorName,
                  everyWeeks(arrangement.everyWeeks),
                  arrangement.due && arrangement.state ? (
                    <span key="due">
                      <DateTime value={arrangement.due} dateOnly /> <DueTag state={arrangement.state} />
                    </span>
                  ) : (
                    '–'
                  ),
                  arrangement.signedBySupervisorAt ? <DateTime key="signed" value={arrangement.signedBySupervisorAt} dateOnly /> : <Tag key="unsigned" colour="grey">Not yet signed</Tag>,
                  ...(canManage
                    ? [
                        <Link key="end" href={`${path}/arrangements/${arrangement.id}/end`}>
                          End<span className="nhsuk-u-visually-hidden"> {TYPE_LABELS[arrangement.type].toLowerCase()} from {arrangement.supervisorName}</span>
                        </Link>,
                      ]
                    : []),
                ],
              }))}
            />
          </div>
        )}
        {canManage && typesLeft.length > 0 ? (
          <p>
            <Link href={`${path}/arrangements/new`}>Add a type of supervision</Link>
          </p>
        ) : null}
        {ended.length > 0 ? (
          <>
            <h3>Ended</h3>
            <ul className="nhsuk-list">
              {ended.map((arrangement) => (
                <li key={arrangement.id}>
                  {TYPE_LABELS[arrangement.type]} from {arrangement.supervisorName}, {everyWeeks(arrangement.everyWeeks)}: ended <DateTime value={arrangement.endedAt!} dateOnly />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">Open actions</h2>
        {openActions.total === 0 ? (
          <p>No actions are open.</p>
        ) : (
          <>
            {openActions.readable.length > 0 ? <ActionsList actions={openActions.readable} returnTo={path} canUpdate={!agreement.endedAt} /> : null}
            {hidden > 0 ? (
              <p>
                {openActions.readable.length > 0 ? `${hidden} more ${hidden === 1 ? 'action is' : 'actions are'} open from sessions you were not in.` : `${hidden} ${hidden === 1 ? 'action is' : 'actions are'} open.`} Actions are private to the peer worker and the supervisor of the session they were agreed in.
              </p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        {sessions.total === 0 ? (
          <p>No sessions have been recorded yet.</p>
        ) : (
          <>
            <ResultCount page={sessions.page} total={sessions.total} pageSize={PAGE_SIZE} noun={['session record', 'session records']} />
            <SessionsTable sessions={sessions.items} />
            <Pagination page={sessions.page} pageCount={sessions.pageCount} basePath={path} label="Sessions, pages" />
          </>
        )}
        {!access.isPeerWorker && recordable.length === 0 ? <p>Notes are private to the peer worker and the supervisor of each session.</p> : null}
      </section>
    </>
  );
}
