import Link from 'next/link';
import type { ReactNode } from 'react';
import { quarterLabel } from '@/components/supervision/labels';
import type { ShownFigure } from '@/lib/supervision/figures';
import type { FigureGroup } from '@/lib/supervision/queries';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';

/** Why a figure is not shown, in words: never how many answered. For a viewer who answered that quarter, counting the others only. */
export function withheldReason(figure: Extract<ShownFigure, { shown: false }>, threshold: number, countsOthersOnly = false): string {
  if (figure.reason === 'WOULD_REVEAL') return 'Withheld so that a smaller group cannot be worked out';
  return countsOthersOnly ? `Fewer than ${threshold} peer workers other than you answered` : `Fewer than ${threshold} peer workers answered`;
}

/** Why a figure worked out under an earlier threshold is not shown. */
export const STALE_FIGURE = 'Being worked out again under the current threshold: shown tomorrow';

const oneDecimal = (value: number) => value.toFixed(1);

interface FigureRow {
  key: string;
  name: ReactNode;
  figure: ShownFigure;
  /** Worked out under another threshold: withheld until worked out again. */
  stale: boolean;
  countsOthersOnly: boolean;
  current?: boolean;
}

/** Averages per question, one row a group; a withheld figure says why across its row. */
function FiguresTable({ caption, label, firstColumn, rows, threshold }: { caption: ReactNode; label: string; firstColumn: string; rows: readonly FigureRow[]; threshold: number }) {
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label={`${label} (scrolls sideways on a small screen)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              {firstColumn}
            </th>
            {CHECK_IN_QUESTIONS.map((question) => (
              <th key={question} className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                {CHECK_IN_WORDING[question]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr key={row.key} className="nhsuk-table__row" aria-current={row.current ? 'true' : undefined}>
              <th className="nhsuk-table__header" scope="row">
                {row.name}
              </th>
              {row.figure.shown ? (
                CHECK_IN_QUESTIONS.map((question) => (
                  <td key={question} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {row.figure.shown ? oneDecimal(row.figure.averages[question]) : null}
                  </td>
                ))
              ) : (
                <td className="nhsuk-table__cell" colSpan={CHECK_IN_QUESTIONS.length}>
                  {row.stale ? STALE_FIGURE : withheldReason(row.figure, threshold, row.countsOthersOnly)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One quarter's check-in averages: the organisation's and each team's the
 * person may see (a page of them), per question.
 */
export function QuarterFiguresTable({
  quarter,
  organisation,
  teams,
  threshold,
  stale = false,
  countsOthersOnly = false,
  teamsCaption = null,
}: {
  quarter: string;
  organisation: ShownFigure;
  teams: readonly FigureGroup[];
  threshold: number;
  stale?: boolean;
  countsOthersOnly?: boolean;
  /** Which teams this page lists, when there are several pages. */
  teamsCaption?: string | null;
}) {
  const label = quarterLabel(quarter);
  const rows: FigureRow[] = [
    { key: 'organisation', name: 'Whole organisation', figure: organisation, stale, countsOthersOnly },
    ...teams.map((team) => ({ key: team.id, name: team.name, figure: team.figure, stale, countsOthersOnly })),
  ];
  return (
    <FiguresTable
      caption={
        <>
          {label}
          {teamsCaption ? <span className="nhsuk-caption-m">The whole organisation, and {teamsCaption}</span> : null}
        </>
      }
      label={`Check-in averages, ${label}`}
      firstColumn="Group"
      rows={rows}
      threshold={threshold}
    />
  );
}

/** The organisation's averages for each ended quarter, newest first, each linking to that quarter's teams. */
export function OrganisationTrendTable({
  quarters,
  threshold,
  selected,
  hrefOf,
}: {
  quarters: ReadonlyArray<{ quarter: string; organisation: ShownFigure; stale: boolean; countsOthersOnly: boolean }>;
  threshold: number;
  selected: string;
  hrefOf: (quarter: string) => string;
}) {
  const rows: FigureRow[] = quarters.map((quarter) => ({
    key: quarter.quarter,
    name: quarter.quarter === selected ? <>{quarterLabel(quarter.quarter)} (shown above)</> : <Link href={hrefOf(quarter.quarter)}>{quarterLabel(quarter.quarter)}</Link>,
    figure: quarter.organisation,
    stale: quarter.stale,
    countsOthersOnly: quarter.countsOthersOnly,
    current: quarter.quarter === selected,
  }));
  return <FiguresTable caption="Whole organisation, by quarter" label="Check-in averages for the whole organisation, by quarter" firstColumn="Quarter" rows={rows} threshold={threshold} />;
}
