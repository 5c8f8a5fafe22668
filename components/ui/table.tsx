import type { ReactNode } from 'react';

export interface TableColumn {
  header: ReactNode;
  /** Plain-text header repeated beside each value on small screens (responsive tables). */
  mobileHeader?: string;
  numeric?: boolean;
  /** e.g. "nhsuk-u-width-one-third" */
  className?: string;
}

export interface TableRow {
  key: string;
  cells: ReactNode[];
}

interface TableProps {
  columns: TableColumn[];
  rows: TableRow[];
  caption?: ReactNode;
  captionSize?: 's' | 'm' | 'l';
  /** Visually hide the caption when a heading already says the same. */
  captionHidden?: boolean;
  /** The first cell of each row is its header (e.g. a name). */
  firstCellIsHeader?: boolean;
  /** Stack each row as a card on small screens, as in the NHS responsive table. */
  responsive?: boolean;
  className?: string;
}

function mobileLabel(column: TableColumn): string | undefined {
  if (column.mobileHeader !== undefined) return column.mobileHeader;
  return typeof column.header === 'string' ? column.header : undefined;
}

/** NHS table, with the responsive variant for lists people read on a phone. */
export function Table({ columns, rows, caption, captionSize = 'm', captionHidden = false, firstCellIsHeader = false, responsive = false, className }: TableProps) {
  const role = (value: string) => (responsive ? value : undefined);
  return (
    <table className={['nhsuk-table', responsive ? 'nhsuk-table--responsive' : '', className ?? ''].filter(Boolean).join(' ')} role={role('table')}>
      {caption ? (
        <caption className={captionHidden ? 'nhsuk-u-visually-hidden' : `nhsuk-table__caption nhsuk-table__caption--${captionSize}`}>{caption}</caption>
      ) : null}
      <thead className="nhsuk-table__head" role={role('rowgroup')}>
        <tr className="nhsuk-table__row" role={role('row')}>
          {columns.map((column, index) => (
            <th
              key={index}
              className={['nhsuk-table__header', column.numeric ? 'nhsuk-table__header--numeric' : '', column.className ?? ''].filter(Boolean).join(' ')}
              scope="col"
              role={role('columnheader')}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr className="nhsuk-table__row" role={role('row')} key={row.key}>
            {row.cells.map((cell, index) => {
              const column = columns[index] ?? { header: '' };
              const label = responsive ? mobileLabel(column) : undefined;
              const content = (
                <>
                  {label ? (
                    <span className="nhsuk-table__heading" aria-hidden="true">
                      {label}{' '}
                    </span>
                  ) : null}
                  {cell}
                </>
              );
              return firstCellIsHeader && index === 0 ? (
                <th className="nhsuk-table__header" scope="row" role={role('rowheader')} key={index}>
                  {content}
                </th>
              ) : (
                <td className={`nhsuk-table__cell${column.numeric ? ' nhsuk-table__cell--numeric' : ''}`} role={role('cell')} key={index}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
