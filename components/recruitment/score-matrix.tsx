import type { ScoreMatrix } from '@/lib/recruitment/rules';
import { MEETS_THRESHOLD, SCORE_MAX } from '@/lib/recruitment/rules';

/**
 * The panel's scores side by side, once everyone has submitted: each member's
 * score per criterion, the mean, the spread, and the criteria where members
 * differ by 2 or more, flagged to discuss rather than averaged away.
 */
export function ScoreMatrixTable({ matrix, criteria, caption }: { matrix: ScoreMatrix & { memberNames: string[] }; criteria: ReadonlyArray<{ id: string; wording: string }>; caption: string }) {
  const wording = new Map(criteria.map((criterion) => [criterion.id, criterion.wording]));
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways on a small screen)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col" className="nhsuk-table__header">
              Criterion
            </th>
            {matrix.memberNames.map((name, index) => (
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric" key={matrix.members[index]}>
                {name}
              </th>
            ))}
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
              Mean
            </th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
              Spread
            </th>
            <th scope="col" className="nhsuk-table__header">
              To discuss
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {matrix.rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.criterionId}>
              <th scope="row" className="nhsuk-table__header">
                {wording.get(row.criterionId)}
                <span className="nhsuk-body-s nhsuk-u-font-weight-normal">
                  {' '}
                  ({row.essential ? 'essential' : 'desirable'}
                  {row.weight > 1 ? `, weight ${row.weight}` : ''})
                </span>
              </th>
              {row.scores.map((score, index) => (
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric" key={matrix.members[index]}>
                  {score ?? '–'}
                </td>
              ))}
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                {row.mean ?? '–'}
                {row.essential && !row.meets ? <span className="nhsuk-u-visually-hidden"> (below the threshold of {MEETS_THRESHOLD})</span> : null}
                {row.essential && !row.meets ? ' ✗' : ''}
              </td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.spread ?? '–'}</td>
              <td className="nhsuk-table__cell">{row.divergent ? <strong className="nhsuk-tag nhsuk-tag--orange">Differ by {row.spread}: discuss</strong> : 'No'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__header">
              Weighted total (out of {matrix.weightedMaximum})
            </th>
            {matrix.memberTotals.map((total, index) => (
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric" key={matrix.members[index]}>
                {total}
              </td>
            ))}
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{matrix.weightedTotal}</td>
            <td className="nhsuk-table__cell" colSpan={2}>
              {matrix.meetsEveryEssential ? 'Meets every essential criterion' : `Below ${MEETS_THRESHOLD} of ${SCORE_MAX} on an essential criterion`}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
