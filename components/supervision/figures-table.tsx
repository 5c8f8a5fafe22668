import { quarterLabel } from '@/components/supervision/labels';
import type { ShownFigure } from '@/lib/supervision/figures';
import type { FigureGroup } from '@/lib/supervision/queries';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';

/** Why a figure is not shown, in words: never how many answered. For a viewer who answered that quarter, counting the others only. */
export function withheldReason(figure: Extract<ShownFigure, { shown: false }>, threshold: number, countsOthersOnly = false): string {
  if (figure.reason === 'WOULD_REVEAL') return 'Withheld so that a smaller group cannot be worked out';
  return countsOthersOnly ? `Fewer than ${threshold} peer workers other than you answered` : `Fewer than ${threshold} peer workers answered`;
}

const oneDecimal = (value: number) => value.toFixed(1);

/**
 * One quarter's check-in averages: the organisation's and each team's the
 * person may see, per question. A withheld figure says why across its row.
 */
export function QuarterFiguresTable({
  quarter,
  organisation,
  teams,
  threshold,
  stale = false,
  countsOthersOnly = false,
}: {
  quarter: string;
  organisation: ShownFigure;
  teams: readonly FigureGroup[];
  threshold: number;
  /** Worked out under another threshold: withheld until worked out again. */
  stale?: boolean;
  countsOthersOnly?: boolean;
}) {
  const rows: Array<{ key: string; name: string; figure: ShownFigure }> = [{ key: 'organisation', name: 'Whole organisation', figure: organisation }, ...teams.map((team) => ({ key: team.id, name: team.name, figure: team.figure }))];
  const label = quarterLabel(quarter);
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label={`Check-in averages, ${label} (scrolls sideways on a small screen)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">{label}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Group
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
            <tr key={row.key} className="nhsuk-table__row">
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
                  {stale ? 'Being worked out again under the current threshold: shown tomorrow' : withheldReason(row.figure, threshold, countsOthersOnly)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
