import Link from 'next/link';
import { DueTag } from '@/components/supervision/status-tags';
import { everyWeeks, TYPE_LABELS } from '@/components/supervision/labels';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import type { AgreementRow } from '@/lib/supervision/queries';
import { agreementPath } from '@/lib/supervision/paths';

/** "3 of 12 (25%)": the share of sessions that were peer supervision, from counts alone. */
export function peerShare(peerSessions: number, sessions: number): string {
  if (sessions === 0) return 'No sessions yet';
  return `${peerSessions} of ${sessions} (${Math.round((peerSessions / sessions) * 100)}%)`;
}

/**
 * Agreements as managers follow them: per peer worker, each type of
 * supervision with its supervisor and whether it is on time, due soon or
 * overdue, and how many sessions were peer supervision. Nothing of what was said.
 */
export function AgreementsTable({ agreements }: { agreements: readonly AgreementRow[] }) {
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Supervision agreements (scrolls sideways on a small screen)">
      <Table
        caption="Supervision agreements"
        captionHidden
        responsive
        firstCellIsHeader
        columns={[{ header: 'Peer worker' }, { header: 'Team' }, { header: 'Supervision and when it is next due' }, { header: 'Sessions that were peer supervision' }]}
        rows={agreements.map((agreement) => ({
          key: agreement.id,
          cells: [
            <Link key="name" href={agreementPath(agreement.id)}>
              {agreement.isOwn ? 'Your agreement' : agreement.peerWorkerName}
            </Link>,
            agreement.teamName,
            agreement.ended ? (
              <Tag key="ended" colour="grey">
                Placement ended
              </Tag>
            ) : agreement.arrangements.length === 0 ? (
              'No supervision added yet'
            ) : (
              <ul key="types" className="nhsuk-list nhsuk-u-margin-bottom-0">
                {agreement.arrangements.map((arrangement) => (
                  <li key={arrangement.id} className="nhsuk-u-margin-bottom-2">
                    <strong>{TYPE_LABELS[arrangement.type]}</strong> from {arrangement.supervisorName}, {everyWeeks(arrangement.everyWeeks)}
                    {arrangement.due && arrangement.state ? (
                      <>
                        <br />
                        Next due <DateTime value={arrangement.due} dateOnly /> <DueTag state={arrangement.state} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ),
            peerShare(agreement.peerSessions, agreement.sessions),
          ],
        }))}
      />
    </div>
  );
}
