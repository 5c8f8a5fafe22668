import Link from 'next/link';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { DueTag } from '@/components/supervision/status-tags';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import type { DueSupervision } from '@/lib/supervision/queries';
import { agreementPath } from '@/lib/supervision/paths';

/** Supervision due soon or overdue for the person, as the peer worker or as a supervisor, soonest first. */
export function SupervisionDueTable({ items, caption }: { items: readonly DueSupervision[]; caption: string }) {
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways on a small screen)`}>
      <Table
        caption={caption}
        captionHidden
        responsive
        firstCellIsHeader
        columns={[{ header: 'Supervision' }, { header: 'With' }, { header: 'Due' }, { header: 'Status' }]}
        rows={items.map((item) => ({
          key: item.arrangementId,
          cells: [
            <Link key="type" href={agreementPath(item.agreementId)}>
              {TYPE_LABELS[item.type]}
              <span className="nhsuk-u-visually-hidden"> with {item.withName}</span>
            </Link>,
            item.asPeerWorker ? `${item.withName} (your supervisor)` : `${item.withName}, ${item.teamName}`,
            <DateTime key="due" value={item.due} dateOnly />,
            <DueTag key="state" state={item.state} />,
          ],
        }))}
      />
    </div>
  );
}
