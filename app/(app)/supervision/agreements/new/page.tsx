import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CreateAgreementForm } from '@/components/supervision/agreement-forms';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { SummaryList } from '@/components/ui/summary-list';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadNewAgreementForm } from '@/lib/supervision/load';
import { agreementPath, SUPERVISION_PATH } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Set up supervision' };

/** A manager (the team's, or the line manager) sets up a supervision agreement for a current placement; its arrangements follow. */
export default async function NewAgreementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { form } = await loadNewAgreementForm(searchParam(await searchParams, 'placementId'));
  if (!form) notFound();
  const { placement, existingAgreementId } = form;
  return (
    <>
      <BackLink href={SUPERVISION_PATH}>Back to supervision</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {existingAgreementId ? (
            // Just set up without JavaScript, or an old link.
            <>
              <h1>{placement.name} has a supervision agreement</h1>
              <p>
                <Link href={agreementPath(existingAgreementId)}>Go to the agreement</Link> to add or change who supervises them.
              </p>
            </>
          ) : placement.endedAt || placement.teamArchived ? (
            <>
              <h1>Supervision cannot be set up for this placement</h1>
              <p>{placement.endedAt ? `${placement.name}’s placement in ${placement.teamName} has ended.` : `${placement.teamName} is archived: restore it first.`}</p>
            </>
          ) : (
            <CreateAgreementForm placementId={placement.id}>
              <h1>Set up supervision for {placement.name}</h1>
              <SummaryList
                rows={[
                  { key: 'Team', value: placement.teamName },
                  { key: 'Role', value: placement.roleTitle },
                  { key: 'Started', value: <DateTime value={placement.startDate} dateOnly /> },
                  { key: 'Line manager', value: placement.lineManager ?? 'Nobody named' },
                  { key: 'Peer supervisor', value: placement.peerSupervisor ?? 'Nobody named' },
                ]}
              />
              <p>Next you add each type of supervision they receive: peer supervision, line management, clinical or practice supervision, group reflective practice. For each, who from and how often.</p>
              <p>{placement.name} and each supervisor then sign the agreement.</p>
            </CreateAgreementForm>
          )}
        </div>
      </div>
    </>
  );
}
