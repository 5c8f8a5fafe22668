import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConfirmDeclarationsForm, WithdrawConflictForm } from '@/components/recruitment/button-forms';
import { ConflictForm } from '@/components/recruitment/conflict-form';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { CONFLICT_LABELS } from '@/lib/recruitment/labels';
import { requireUser } from '@/lib/auth/load';
import { vacancyPath } from '@/lib/recruitment/paths';
import { getConflicts } from '@/lib/recruitment/queries';
import { namesVisibleToPanel } from '@/lib/recruitment/rules';

export const metadata: Metadata = { title: 'Conflicts of interest' };

/**
 * A panel member reads the candidates' names (in alphabetical order, not
 * linked to the anonymised applications) and declares anyone they know. The
 * chair and HR see every member's declarations.
 */
export default async function ConflictsPage({ params }: { params: Promise<{ vacancyId: string }> }) {
  const { vacancyId } = await params;
  const user = await requireUser();
  const conflicts = await getConflicts(user, vacancyId);
  if (!conflicts) notFound();
  const { access: detail, names, everyone, declarationsCurrent } = conflicts;
  const open = !['DECIDED', 'CLOSED'].includes(detail.vacancy.status);
  const namesShown = detail.canManage || namesVisibleToPanel(detail.vacancy.status);
  const canWithdraw = detail.vacancy.status === 'DRAFT' || detail.vacancy.status === 'OPEN';
  return (
    <>
      <BackLink href={vacancyPath(vacancyId)}>Back to {detail.vacancy.title}</BackLink>
      <span className="nhsuk-caption-l">{detail.vacancy.title}</span>
      <h1>Conflicts of interest</h1>
      {names ? (
        <section aria-labelledby="yours">
          <h2 id="yours">Do you know any of these candidates?</h2>
          <p>
            Say if you know someone personally, are related to them, have line-managed them or have supported them as a service user. You will not score anyone you declare. The list is in alphabetical order and is not linked to
            the applications you score, which show a number until the interview stage.
          </p>
          {names.length === 0 ? <p>No candidates have been recorded yet.</p> : null}
          {names.map((candidate) => (
            <section key={candidate.declarationKey} className="nhsuk-card nhsuk-u-margin-bottom-4" aria-label={candidate.name}>
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading">{candidate.name}</h3>
                {candidate.declaration ? (
                  <p>
                    <strong>You declared:</strong> {CONFLICT_LABELS[candidate.declaration.kind]}
                    {candidate.declaration.note ? ` (${candidate.declaration.note})` : ''}
                  </p>
                ) : (
                  <p>No conflict declared.</p>
                )}
                {open ? <ConflictForm vacancyId={vacancyId} declarationKey={candidate.declarationKey} name={candidate.name} kind={candidate.declaration?.kind} note={candidate.declaration?.note} /> : null}
                {candidate.declaration && canWithdraw ? <WithdrawConflictForm vacancyId={vacancyId} declarationKey={candidate.declarationKey} name={candidate.name} /> : null}
              </div>
            </section>
          ))}
          {names.length > 0 && open ? (
            <>
              <h2>When you have been through the list</h2>
              <p>{declarationsCurrent ? 'You have confirmed your declarations. If a candidate is added later, you will be asked again.' : 'Confirm that you have declared every conflict. You can then read and score applications once scoring opens.'}</p>
              {declarationsCurrent ? null : <ConfirmDeclarationsForm vacancyId={vacancyId} />}
            </>
          ) : null}
        </section>
      ) : null}
      {everyone ? (
        <section aria-labelledby="everyone">
          <h2 id="everyone">Every panel member’s declarations</h2>
          {everyone.length === 0 ? (
            <p>Nobody has declared a conflict of interest.</p>
          ) : (
            <Table
              caption="Declarations"
              captionHidden
              responsive
              firstCellIsHeader
              columns={[{ header: 'Candidate' }, { header: 'Panel member' }, { header: 'Conflict' }, { header: 'Note' }, { header: 'Declared' }]}
              rows={everyone.map((declaration) => ({
                key: declaration.id,
                cells: [declaration.candidate.name ?? (namesShown ? '(personal data deleted)' : 'Shown from the interview stage'), declaration.user.name, CONFLICT_LABELS[declaration.kind], declaration.note ?? '–', <DateTime key="at" value={declaration.createdAt} />],
              }))}
            />
          )}
          <p>Each member with a conflict does not score that candidate, and the matrix waits only for the members who may score them.</p>
        </section>
      ) : null}
    </>
  );
}
