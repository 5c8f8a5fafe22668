import { DateTime, formatDate } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import type { Weekday } from '@/lib/generated/prisma/enums';
import { CONTRACT_LABELS, describeWorkingDays } from '@/lib/onboarding/labels';
import { lookup } from '@/lib/search-params';

type ChangeValues = Record<string, unknown>;

export interface PlacementChangeItem {
  id: string;
  at: Date;
  by: string;
  before: ChangeValues;
  after: ChangeValues;
}

/** The fields a change records, in the order the arrangements are shown. */
const FIELDS: Array<[key: string, label: string]> = [
  ['roleVersionId', 'Role version'],
  ['startDate', 'Start date'],
  ['contractType', 'Contract'],
  ['band', 'Band'],
  ['hoursPerWeek', 'Hours per week'],
  ['workingDays', 'Working days'],
  ['lineManagerId', 'Line manager'],
  ['peerSupervisorId', 'Peer supervisor'],
];

const WEEKDAYS = new Set<string>(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']);

/** One recorded value as a person reads it; "not recorded" for anything the history cannot say. */
function describe(key: string, value: unknown, names: Record<string, string>, versionNumbers: Record<string, number>): string {
  if (value === null || value === undefined || value === '') return key === 'band' ? 'no band' : key.endsWith('Id') ? 'nobody' : 'not recorded';
  switch (key) {
    case 'roleVersionId': {
      const number = typeof value === 'string' ? lookup(versionNumbers, value) : undefined;
      return number === undefined ? 'another version' : `version ${number}`;
    }
    case 'startDate':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value) ? formatDate(new Date(`${value}T00:00:00Z`)) : 'not recorded';
    case 'contractType':
      return (typeof value === 'string' && lookup(CONTRACT_LABELS, value)) || 'not recorded';
    case 'band':
      return typeof value === 'number' ? `band ${value}` : 'not recorded';
    case 'hoursPerWeek':
      return typeof value === 'number' ? `${value} hours` : 'not recorded';
    case 'workingDays':
      return Array.isArray(value) && value.every((day) => typeof day === 'string' && WEEKDAYS.has(day)) ? describeWorkingDays(value as Weekday[]) : 'not recorded';
    case 'lineManagerId':
    case 'peerSupervisorId':
      return (typeof value === 'string' && lookup(names, value)) || 'someone whose account was removed';
    default:
      return 'changed';
  }
}

/** A placement's changes, newest first: who, when, and each field before and after. */
export function PlacementChanges({ changes, names, versionNumbers }: { changes: readonly PlacementChangeItem[]; names: Record<string, string>; versionNumbers: Record<string, number> }) {
  if (changes.length === 0) return <p>The arrangements have not changed since the placement started.</p>;
  return (
    <ul className="nhsuk-list nhsuk-list--border">
      {changes.map((change) => {
        const fields = FIELDS.filter(([key]) => Object.hasOwn(change.after, key) || Object.hasOwn(change.before, key));
        return (
          <li key={change.id}>
            <p className="nhsuk-u-margin-bottom-1">
              <strong>
                <DateTime value={change.at} />
              </strong>{' '}
              by {change.by}
            </p>
            <ul className="nhsuk-u-margin-bottom-2">
              {fields.map(([key, label]) => (
                <li key={key}>
                  {label}: {describe(key, change.before[key], names, versionNumbers)} <span aria-hidden="true">→</span>
                  <span className="nhsuk-u-visually-hidden"> changed to</span> {describe(key, change.after[key], names, versionNumbers)}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** Tasks taken out of the plan: kept, with who removed them and when. */
export function RemovedTasks({ tasks }: { tasks: ReadonlyArray<{ id: string; title: string; removedAt: Date; removedBy: string | null }> }) {
  if (tasks.length === 0) return <p>No tasks have been removed from the plan.</p>;
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Removed tasks (scrolls sideways on a small screen)">
      <Table
        caption="Removed tasks"
        captionHidden
        firstCellIsHeader
        columns={[{ header: 'Task' }, { header: 'Removed by' }, { header: 'When' }]}
        rows={tasks.map((task) => ({ key: task.id, cells: [task.title, task.removedBy ?? 'Not recorded', <DateTime key="at" value={task.removedAt} />] }))}
      />
    </div>
  );
}
