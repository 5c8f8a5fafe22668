import Link from 'next/link';
import { CosignedTag } from '@/components/supervision/status-tags';
import { duration, TYPE_LABELS } from '@/components/supervision/labels';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import type { SupervisionType } from '@/lib/generated/prisma/enums';
import { sessionPath } from '@/lib/supervision/paths';

export interface SessionRow {
  id: string;
  type: SupervisionType;
  heldOn: Date;
  durationMinutes: number;
  topics: string[];
  supervisorName: string;
  cosigned: boolean;
  amends: boolean;
  amendedById: string | null;
}

/** An agreement's sessions as everyone who follows it sees them: that they happened, and whether the record is co-signed. Never what was said. */
export function SessionsTable({ sessions }: { sessions: readonly SessionRow[] }) {
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Sessions (scrolls sideways on a small screen)">
      <Table
        caption="Sessions, most recent first"
        captionHidden
        responsive
        firstCellIsHeader
        columns={[{ header: 'Date' }, { header: 'Type' }, { header: 'Supervisor' }, { header: 'Length' }, { header: 'Topics' }, { header: 'Record' }]}
        rows={sessions.map((session) => ({
          key: session.id,
          cells: [
            <Link key="date" href={sessionPath(session.id)}>
              <DateTime value={session.heldOn} dateOnly />
              <span className="nhsuk-u-visually-hidden">, {TYPE_LABELS[session.type]}</span>
            </Link>,
            TYPE_LABELS[session.type],
            session.supervisorName,
            duration(session.durationMinutes),
            session.topics.length === 0 ? 'None recorded' : session.topics.join(', '),
            <span key="record">
              <CosignedTag cosigned={session.cosigned} />
              {session.amendedById ? (
                <>
                  {' '}
                  <Tag colour="white">Amended</Tag>
                </>
              ) : null}
              {session.amends ? (
                <>
                  {' '}
                  <Tag colour="white">Amendment</Tag>
                </>
              ) : null}
            </span>,
          ],
        }))}
      />
    </div>
  );
}
