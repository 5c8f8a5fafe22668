import type { LoadedCheck } from '@/lib/expectations/load';
import { SHORT_ANSWER_LABELS } from '@/components/expectations/labels';
import { Table } from '@/components/ui/table';
import type { ExpectationAnswer } from '@/lib/generated/prisma/enums';

/** "… when Claire Whitfield closes the check" (or "when you close", to the manager): for every page that says when results are shared. */
export const resultsSharedWhen = (closer: string | 'you') =>
  `The results will be shared with everyone who took part when ${closer === 'you' ? 'you close' : `${closer} closes`} the check.`;

/**
 * An open check, as someone who may not see who said what is shown it: their
 * own answers and when the results will be shared. The query has sent no
 * figure or flag of anyone else's answers (lib/expectations/queries.ts).
 */
export function ResultsNotShared({ check }: { check: LoadedCheck }) {
  const mine = check.me?.submittedAt ? check.me.answers : null;
  const answered = check.activities.filter((activity) => mine?.[activity.id]);
  return (
    <>
      <h2>Results</h2>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          {resultsSharedWhen(check.createdBy)} Until then you see only your own answers, and can change them; once it closes, nobody can change their answers.
        </p>
      </div>
      <p>
        {check.counts.answered} of {check.counts.invited} {check.counts.invited === 1 ? 'person has' : 'people have'} answered so far.
      </p>
      {mine && answered.length > 0 ? (
        <>
          <h2 id="your-answers">Your answers</h2>
          <Table
            caption="Your answers"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Activity' }, { header: 'Your answer' }]}
            rows={answered.map((activity) => ({
              key: activity.id,
              cells: [activity.name, SHORT_ANSWER_LABELS[mine[activity.id] as ExpectationAnswer] ?? mine[activity.id]],
            }))}
          />
        </>
      ) : null}
    </>
  );
}
