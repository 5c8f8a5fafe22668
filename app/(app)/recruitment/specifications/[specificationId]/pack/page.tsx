import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/ui/back-link';
import { PrintButton } from '@/components/ui/print-button';
import styles from '@/components/ui/print-view.module.css';
import { CATEGORY_LABELS, METHOD_LABELS } from '@/lib/recruitment/labels';
import { loadSpecification } from '@/lib/recruitment/load';
import { specificationPath } from '@/lib/recruitment/paths';
import { criteriaForStage } from '@/lib/recruitment/rules';

type Params = Promise<{ specificationId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { specification } = await loadSpecification((await params).specificationId);
  return { title: specification ? `Interview pack: ${specification.specification.title}` : 'Page not found' };
}

/**
 * The interview pack: each criterion assessed at interview or by a task, its
 * questions, and what each score means. Printed for the panel, and for a
 * candidate who asked for the questions in advance (without the scoring guide).
 */
export default async function InterviewPackPage({ params }: { params: Params }) {
  const { specificationId } = await params;
  const { specification: detail } = await loadSpecification(specificationId);
  if (!detail) notFound();
  const criteria = criteriaForStage(detail.criteria, 'INTERVIEW');
  return (
    <div className={styles.printView}>
      <div className={styles.screenOnly}>
        <BackLink href={specificationPath(specificationId)}>Back to {detail.specification.title}</BackLink>
      </div>
      <h1>
        <span className="nhsuk-caption-l">
          {detail.specification.team.name}: {detail.specification.roleVersion.role.title}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Interview pack
      </h1>
      <p>
        Each panel member scores each criterion from 0 to 4 on their own, writes down the evidence, and submits before seeing anyone else’s scores. Where scores differ by 2 or more, the panel discusses it.
      </p>
      {criteria.length === 0 ? <p>No criterion is assessed at interview yet.</p> : null}
      {criteria.map((criterion, index) => (
        <section key={criterion.id}>
          <h2>
            {index + 1}. {criterion.wording}
          </h2>
          <p className="nhsuk-body-s">
            {CATEGORY_LABELS[criterion.category]} · {criterion.essential ? 'Essential' : 'Desirable'} · {criterion.assessedBy.map((method) => METHOD_LABELS[method]).join(', ')}
            {criterion.weight > 1 ? ` · weight ${criterion.weight}` : ''}
          </p>
          <h3 className="nhsuk-heading-s">Questions</h3>
          {criterion.questions.length === 0 ? (
            <p>No questions yet.</p>
          ) : (
            <ol>
              {criterion.questions.map((question) => (
                <li key={question}>{question}</li>
              ))}
            </ol>
          )}
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">What each score means</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col" className="nhsuk-table__header">
                  Score
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Meaning
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {criterion.descriptors.map((descriptor, score) => (
                <tr key={score} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">{score}</td>
                  <td className="nhsuk-table__cell">{descriptor}</td>
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
