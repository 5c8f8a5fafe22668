import Link from 'next/link';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import type { WorkItem, WorkKind } from '@/lib/dashboards/worklist';
import { calendarDay } from '@/lib/supervision/rules';

const KIND_LABELS: Record<WorkKind, string> = {
  REVIEW: 'Review a role',
  CHECK: 'Answer an expectations check',
  CONCERN: 'Answer a concern',
  SCORING: 'Finish your panel scoring',
  TASK: 'Onboarding task',
  SUPERVISION: 'Supervision overdue',
  CONTESTED: 'Settle contested activities',
  PARITY: 'Parity issues open',
};

/** What needs the person now, soonest first: each row a link to where it is done. */
export function WorkList({ items }: { items: readonly WorkItem[] }) {
  // A due date before today's is overdue.
  const today = calendarDay(new Date()).getTime();
  return (
    <Table
      caption="What needs you now, soonest first"
      captionHidden
      responsive
      columns={[{ header: 'What', className: 'nhsuk-u-width-one-half' }, { header: 'Team' }, { header: 'When' }]}
      rows={items.map((item) => ({
        key: item.key,
        cells: [
          <>
            <span className="nhsuk-u-display-block nhsuk-u-font-size-16 nhsuk-u-secondary-text-colour">{KIND_LABELS[item.kind]}</span>
            <Link href={item.href}>{item.title}</Link>
            {item.detail ? <span className="nhsuk-u-display-block nhsuk-u-font-size-16">{item.detail}</span> : null}
          </>,
          item.team,
          item.due ? (
            <>
              {item.at.getTime() < today ? <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong> : null} Due <DateTime value={item.at} dateOnly />
            </>
          ) : (
            <>
              Since <DateTime value={item.at} dateOnly />
            </>
          ),
        ],
      }))}
    />
  );
}
