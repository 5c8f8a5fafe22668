import styles from '@/components/roles/compare.module.css';
import type { LineChange, SectionComparison } from '@/lib/roles/compare';

interface Row {
  before: LineChange | null;
  after: LineChange | null;
}

/** Line changes as side-by-side rows: unchanged lines on both sides, a removed line beside the line that replaced it. */
export function sideBySide(changes: ReadonlyArray<LineChange>): Row[] {
  const rows: Row[] = [];
  let removed: LineChange[] = [];
  let added: LineChange[] = [];
  const flush = () => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) rows.push({ before: removed[index] ?? null, after: added[index] ?? null });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.kind === 'same') {
      flush();
      rows.push({ before: change, after: change });
    } else if (change.kind === 'removed') {
      if (added.length > 0) flush();
      removed.push(change);
    } else {
      added.push(change);
    }
  }
  flush();
  return rows;
}

function Line({ change }: { change: LineChange | null }) {
  if (!change) return <span className="nhsuk-u-visually-hidden">No line</span>;
  if (change.kind === 'removed') {
    return (
      <del className={styles.removed}>
        <span className="nhsuk-u-visually-hidden">removed: </span>
        {change.text}
      </del>
    );
  }
  if (change.kind === 'added') {
    return (
      <ins className={styles.added}>
        <span className="nhsuk-u-visually-hidden">added: </span>
        {change.text}
      </ins>
    );
  }
  return <>{change.text}</>;
}

/** One changed section: version `from` on the left, `to` on the right. */
export function SectionChanges({ comparison, from, to }: { comparison: SectionComparison; from: number; to: number }) {
  const rows = sideBySide(comparison.changes);
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-u-visually-hidden">
        {comparison.title}: version {from} beside version {to}
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            Version {from}
          </th>
          <th className="nhsuk-table__header" scope="col">
            Version {to}
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row, index) => (
          <tr className="nhsuk-table__row" key={index}>
            <td className={`nhsuk-table__cell ${styles.cell}`}>
              <Line change={row.before} />
            </td>
            <td className={`nhsuk-table__cell ${styles.cell}`}>
              <Line change={row.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
