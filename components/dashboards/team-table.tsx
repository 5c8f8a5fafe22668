import Link from 'next/link';
import type { Cell, TeamTable } from '@/components/dashboards/team-tables';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { teamTableCsvPath } from '@/lib/dashboards/paths';

function cell(value: Cell) {
  if (value === null) return <span className="nhsuk-u-secondary-text-colour">–</span>;
  return value instanceof Date ? <DateTime value={value} dateOnly /> : value;
}

/** One of a team view's tables (components/dashboards/team-tables.ts), with its CSV download beneath, or what to do when it is empty. */
export function TeamTableView({ teamId, table }: { teamId: string; table: TeamTable }) {
  // A table of two columns reads better at two thirds of the page than stretched across it.
  return (
    <div className={table.header.length <= 2 ? 'nhsuk-u-margin-bottom-6 nhsuk-u-width-two-thirds' : 'nhsuk-u-margin-bottom-6'}>
      {table.rows.length === 0 ? (
        <>
          <h3>{table.caption}</h3>
          <p>{table.empty}</p>
        </>
      ) : (
        <>
          <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label={`${table.caption} (scrolls sideways on a small screen)`}>
            <Table
              caption={table.caption}
              captionSize="s"
              firstCellIsHeader
              columns={table.header.map((header, index) => ({ header, numeric: table.numeric.includes(index) }))}
              rows={table.rows.map((row) => ({
                key: row.key,
                cells: row.cells.map((value, index) =>
                  index === 0 && row.href && typeof value === 'string' ? (
                    <Link key={index} href={row.href}>
                      {value}
                    </Link>
                  ) : (
                    <span key={index}>{cell(value)}</span>
                  ),
                ),
              }))}
            />
          </div>
          <TableCsvLink teamId={teamId} table={table} />
        </>
      )}
    </div>
  );
}

/** The link to download one of a team view's tables as CSV. */
export function TableCsvLink({ teamId, table }: { teamId: string; table: TeamTable }) {
  return (
    <p className="nhsuk-body-s">
      <a href={teamTableCsvPath(teamId, table.key)} download>
        Download ‘{table.caption}’ (CSV)
      </a>
    </p>
  );
}
