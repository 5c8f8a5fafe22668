import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/ui/back-link';
import { PrintButton } from '@/components/ui/print-button';
import styles from '@/components/ui/print-view.module.css';
import { requireUser } from '@/lib/auth/load';
import { candidateLabel, STAGE_LABELS } from '@/lib/recruitment/labels';
import { candidatePath } from '@/lib/recruitment/paths';
import { getFeedback } from '@/lib/recruitment/queries';

export const metadata: Metadata = { title: 'Feedback for a candidate' };

/**
 * Feedback to hand to an unsuccessful candidate: the panel's mean score on each
 * criterion against the maximum and the threshold. No other candidate's data,
 * and no panel member's name.
 */
export default async function FeedbackPage({ params }: { params: Promise<{ vacancyId: string; candidateId: string }> }) {
  const { vacancyId, candidateId } = await params;
  const user = await requireUser();
  const feedback = await getFeedback(user, vacancyId, candidateId);
  if (!feedback) notFound();
  const { candidate, access } = feedback;
  return (
    <div className={styles.printView}>
      <div className={styles.screenOnly}>
        <BackLink href={candidatePath(vacancyId, candidateId)}>Back to the candidate</BackLink>
      </div>
      <h1>
        <span className="nhsuk-caption-l">
          {access.vacancy.title}, {access.vacancy.team.name}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Feedback for {candidate.name ?? candidateLabel(candidate.number)}
      </h1>
      <p>
        Each criterion was scored from 0 to {feedback.maximum} by each member of the panel on their own. A score of {feedback.threshold} or more means the criterion was met. These are the panel’s average scores.
      </p>
      {feedback.stages.length === 0 ? <p>No scores have been completed yet.</p> : null}
      {feedback.stages.map((stage) => (
        <section key={stage.stage}>
          <h2>{STAGE_LABELS[stage.stage]}</h2>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{STAGE_LABELS[stage.stage]} scores</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col" className="nhsuk-table__header">
                  Criterion
                </th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                  Your score (out of {feedback.maximum})
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Met (threshold {feedback.threshold})
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {stage.rows.map(({ criterion, row }) => (
                <tr className="nhsuk-table__row" key={criterion.id}>
                  <th scope="row" className="nhsuk-table__header">
                    {criterion.wording} ({criterion.essential ? 'essential' : 'desirable'})
                  </th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.mean ?? '–'}</td>
                  <td className="nhsuk-table__cell">{row.meets ? 'Yes' : 'Not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <PrintButton className={styles.screenOnly} />
    </div>
  );
}
