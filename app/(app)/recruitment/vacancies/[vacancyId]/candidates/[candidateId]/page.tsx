import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppointForm, ReleasePackForm } from '@/components/recruitment/button-forms';
import { CorrectionForm } from '@/components/recruitment/correction-form';
import { DecisionForm } from '@/components/recruitment/decision-form';
import { ModerationForm } from '@/components/recruitment/moderation-form';
import { ScoreForm } from '@/components/recruitment/score-form';
import { ScoreMatrixTable } from '@/components/recruitment/score-matrix';
import { ShortlistForm } from '@/components/recruitment/shortlist-form';
import { BackLink } from '@/components/ui/back-link';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { SummaryList } from '@/components/ui/summary-list';
import type { ScoringStage } from '@/lib/generated/prisma/enums';
import { candidateLabel, OUTCOME_LABELS, SHORTLIST_LABELS, STAGE_LABELS } from '@/lib/recruitment/labels';
import { loadCandidate } from '@/lib/recruitment/load';
import { vacancyPath } from '@/lib/recruitment/paths';
import { criteriaForStage } from '@/lib/recruitment/rules';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';

type Params = Promise<{ vacancyId: string; candidateId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { vacancyId, candidateId } = await params;
  const { view } = await loadCandidate(vacancyId, candidateId);
  return { title: view ? `${view.heading} – ${view.access.vacancy.title}` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  candidate: 'Candidate recorded.',
  pack: 'Recorded that the interview questions were sent in advance.',
  appointed: 'Handed on to onboarding: a pending placement is waiting in the team.',
};

export default async function CandidatePage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { vacancyId, candidateId } = await params;
  const { view } = await loadCandidate(vacancyId, candidateId);
  if (!view) notFound();
  const { access, heading } = view;
  const back = <BackLink href={vacancyPath(vacancyId)}>Back to {access.vacancy.title}</BackLink>;
  if (view.blocked) {
    return (
      <>
        {back}
        <span className="nhsuk-caption-l">{access.vacancy.title}</span>
        <h1>{heading}</h1>
        {view.blocked === 'CONFLICT' ? (
          <p>You declared a conflict of interest with this candidate, so you do not read or score their application.</p>
        ) : (
          <>
            <p>Before you read any application, declare any conflict of interest against the list of candidates’ names.</p>
            <ButtonLink href={`${vacancyPath(vacancyId)}/conflicts`}>Declare conflicts of interest</ButtonLink>
          </>
        )}
      </>
    );
  }
  const { candidate, criteria, answers, stages, own, eligibleAt, moderation, stage: currentStage } = view;
  const { vacancy, canManage, canDecide } = access;
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const shortlistingCriteria = criteriaForStage(criteria, 'SHORTLISTING');
  const reached: ScoringStage[] = [];
  if (vacancy.status !== 'DRAFT' && vacancy.status !== 'OPEN') reached.push('SHORTLISTING');
  if (['INTERVIEWING', 'DECIDED', 'CLOSED'].includes(vacancy.status) && candidate.shortlistOutcome === 'INVITED') reached.push('INTERVIEW');

  return (
    <>
      {back}
      <span className="nhsuk-caption-l">{access.vacancy.title}</span>
      <h1>{heading}</h1>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {candidate.purgedAt ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This candidate’s personal data was deleted on <DateTime value={candidate.purgedAt} dateOnly /> under the retention rule. The scores and decision stay, anonymised, for statistics.
          </p>
        </div>
      ) : null}

      {canManage ? (
        <SummaryList
          rows={[
            { key: 'Known to the panel as', value: candidateLabel(candidate.number) },
            { key: 'Email', value: candidate.email ?? '–' },
            { key: 'Phone', value: candidate.phone ?? '–' },
            { key: 'Reasonable adjustments', value: candidate.adjustments ?? 'None requested' },
            { key: 'Guaranteed interview scheme', value: candidate.guaranteedInterview ? 'Opted in' : 'No' },
            { key: 'Interview questions in advance', value: candidate.packReleasedAt ? <DateTime value={candidate.packReleasedAt} dateOnly /> : 'Not sent' },
            ...(candidate.retainUntil && !candidate.purgedAt ? [{ key: 'Personal data deleted on', value: <DateTime value={candidate.retainUntil} dateOnly /> }] : []),
          ]}
        />
      ) : candidate.adjustments ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <strong>Reasonable adjustments requested:</strong> {candidate.adjustments}
          </p>
          {candidate.packReleasedAt ? <p>The interview questions were sent to them in advance.</p> : null}
        </div>
      ) : null}
      {canManage && candidate.adjustments && !candidate.packReleasedAt && ['OPEN', 'SHORTLISTING', 'INTERVIEWING'].includes(vacancy.status) ? (
        <>
          <p>
            If they asked for the questions in advance, send them the <Link href={`/recruitment/specifications/${vacancy.specificationId}/pack`}>interview pack</Link>, then record it.
          </p>
          <ReleasePackForm candidateId={candidate.id} />
        </>
      ) : null}

      <section aria-labelledby="application">
        <h2 id="application">Application</h2>
        {!view.namesShown ? <p>Answers that would identify the candidate are withheld until the interview stage.</p> : null}
        {shortlistingCriteria.map((criterion) => {
          const answer = answers.get(criterion.id);
          return (
            <div key={criterion.id}>
              <h3 className="nhsuk-heading-s">{criterion.wording}</h3>
              {answer?.text ? <p style={{ whiteSpace: 'pre-wrap' }}>{answer.text}</p> : <p className="nhsuk-u-secondary-text-colour">{answer || view.namesShown ? 'No answer.' : 'Withheld at shortlisting.'}</p>}
              {canManage && answer?.identifying ? <p className="nhsuk-body-s">Marked as identifying: withheld from the panel at shortlisting.</p> : null}
            </div>
          );
        })}
      </section>

      {reached.map((stage) => {
        const state = stages[stage];
        const stageCriteria = criteriaForStage(criteria, stage);
        const mine = own.get(stage);
        const current = currentStage === stage;
        return (
          <section key={stage} aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`}>{STAGE_LABELS[stage]} scores</h2>
            <p>
              {state.submitted.size} of {state.eligible.length} {state.eligible.length === 1 ? 'member has' : 'members have'} submitted
              {state.complete ? '.' : '. Nobody sees anyone’s scores until everyone has.'}
            </p>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {state.eligible.map((member) => (
                <li key={member.userId}>
                  {member.name}: {state.submitted.has(member.userId) ? 'submitted' : 'not yet submitted'}
                </li>
              ))}
            </ul>

            {eligibleAt[stage] && current && !mine?.submittedAt ? (
              <>
                <h3>Your scores</h3>
                <ScoreForm
                  candidateId={candidate.id}
                  stage={stage}
                  criteria={stageCriteria}
                  draft={new Map((mine?.scores ?? []).map((score) => [score.criterionId, { score: score.score, evidence: score.evidence }]))}
                />
              </>
            ) : null}

            {mine?.submittedAt ? (
              <>
                <h3>Your submitted scores</h3>
                <p>
                  Submitted <DateTime value={mine.submittedAt} />. A submitted score is never edited: a correction is a new entry with a reason, and both are kept.
                </p>
                {stageCriteria.map((criterion) => {
                  const entries = mine.scores.filter((score) => score.criterionId === criterion.id);
                  const corrected = new Set(entries.map((score) => score.correctsId));
                  const latest = entries.find((score) => !corrected.has(score.id));
                  return (
                    <div key={criterion.id}>
                      <h4 className="nhsuk-heading-xs">{criterion.wording}</h4>
                      <ul className="nhsuk-list">
                        {entries.map((score) => (
                          <li key={score.id}>
                            {score.correctsId ? 'Corrected to ' : ''}
                            <strong>{score.score}</strong>
                            {score.evidence ? `: ${score.evidence}` : ''}
                            {score.reason ? ` (reason: ${score.reason})` : ''}
                            {corrected.has(score.id) ? ' (corrected)' : ''}
                          </li>
                        ))}
                      </ul>
                      {latest && current ? (
                        <details className="nhsuk-details">
                          <summary className="nhsuk-details__summary">
                            <span className="nhsuk-details__summary-text">
                              Correct this score<span className="nhsuk-u-visually-hidden"> for {criterion.wording}</span>
                            </span>
                          </summary>
                          <div className="nhsuk-details__text">
                            <CorrectionForm scoreId={latest.id} descriptors={criterion.descriptors} />
                          </div>
                        </details>
                      ) : null}
                    </div>
                  );
                })}
              </>
            ) : null}

            {state.matrix ? (
              <>
                <ScoreMatrixTable matrix={state.matrix} criteria={stageCriteria} caption={`${STAGE_LABELS[stage]} scores, every member`} />
                <h3>What the panel agreed</h3>
                {moderation.filter((note) => note.stage === stage).length === 0 ? <p>Nothing recorded yet.</p> : null}
                <ul className="nhsuk-list">
                  {moderation
                    .filter((note) => note.stage === stage)
                    .map((note) => (
                      <li key={note.id}>
                        <p className="nhsuk-u-margin-bottom-1">
                          {note.criterionId ? <strong>{stageCriteria.find((criterion) => criterion.id === note.criterionId)?.wording}: </strong> : null}
                          {note.text}
                        </p>
                        <p className="nhsuk-body-s">
                          {note.author.name}, <DateTime value={note.createdAt} />
                        </p>
                      </li>
                    ))}
                </ul>
                {eligibleAt[stage] && current ? (
                  <ModerationForm
                    candidateId={candidate.id}
                    stage={stage}
                    criteria={stageCriteria.map((criterion) => ({ id: criterion.id, wording: criterion.wording, divergent: state.matrix?.divergentCriteria.includes(criterion.id) ?? false }))}
                  />
                ) : null}
              </>
            ) : null}
          </section>
        );
      })}

      {reached.includes('SHORTLISTING') ? (
        <section aria-labelledby="shortlisting-decision">
          <h2 id="shortlisting-decision">Shortlisting decision</h2>
          {candidate.shortlistOutcome ? (
            <p>
              {SHORTLIST_LABELS[candidate.shortlistOutcome]}
              {candidate.shortlistReason ? `: ${candidate.shortlistReason}` : '.'}
            </p>
          ) : (
            <p>Not decided yet.</p>
          )}
          {canDecide && vacancy.status === 'SHORTLISTING' ? (
            stages.SHORTLISTING.complete ? (
              <ShortlistForm candidateId={candidate.id} current={candidate.shortlistOutcome} guaranteedInterview={Boolean(candidate.guaranteedInterview)} />
            ) : (
              <p>It can be recorded once every member has submitted their scores.</p>
            )
          ) : null}
        </section>
      ) : null}

      {reached.includes('INTERVIEW') ? (
        <section aria-labelledby="decision">
          <h2 id="decision">Decision</h2>
          {candidate.outcome ? (
            <>
              <p>
                <strong>{OUTCOME_LABELS[candidate.outcome]}</strong>
                {candidate.decidedAt ? (
                  <>
                    {' '}
                    on <DateTime value={candidate.decidedAt} dateOnly />
                  </>
                ) : null}
              </p>
              {candidate.rationale ? <p style={{ whiteSpace: 'pre-wrap' }}>{candidate.rationale}</p> : null}
              {candidate.essentialJustification ? (
                <p>
                  <strong>Why appointed without meeting every essential criterion:</strong> {candidate.essentialJustification}
                </p>
              ) : null}
            </>
          ) : canDecide && vacancy.status === 'INTERVIEWING' ? (
            stages.INTERVIEW.matrix ? (
              <DecisionForm candidateId={candidate.id} version={candidate.version} meetsEveryEssential={stages.INTERVIEW.matrix.meetsEveryEssential && (stages.SHORTLISTING.matrix?.meetsEveryEssential ?? false)} />
            ) : (
              <p>The decision can be recorded once every interview panel member has submitted their scores.</p>
            )
          ) : (
            <p>Not decided yet.</p>
          )}
          {canManage && candidate.outcome === 'APPOINTED' ? (
            candidate.appointment ? (
              <p>Handed on to onboarding as {candidate.appointment.user.name}: {candidate.appointment.placedAt ? 'their placement has started.' : 'a pending placement is waiting in the team.'}</p>
            ) : candidate.purgedAt ? null : vacancy.status === 'DECIDED' || vacancy.status === 'CLOSED' ? (
              <>
                <p>Hand them on to onboarding: this links them to their PeerRoles account (or creates one and emails a set-password link) and adds a pending placement in {vacancy.team.name} on this agreed version of the role.</p>
                <AppointForm candidateId={candidate.id} />
              </>
            ) : (
              <p>Once every decision is recorded and the vacancy is marked decided, you can hand them on to onboarding.</p>
            )
          ) : null}
        </section>
      ) : null}

      {canManage && (stages.SHORTLISTING.matrix || stages.INTERVIEW.matrix) && candidate.outcome !== 'APPOINTED' ? (
        <p>
          <Link href={`${vacancyPath(vacancyId)}/candidates/${candidate.id}/feedback`}>Feedback for the candidate</Link> (to print: their scores against each criterion, without anyone else’s data)
        </p>
      ) : null}
    </>
  );
}
