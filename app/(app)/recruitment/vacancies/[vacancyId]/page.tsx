import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MoveVacancyForm } from '@/components/recruitment/button-forms';
import { StatusTag } from '@/components/recruitment/status-tag';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { candidateLabel, OUTCOME_LABELS, PANEL_ROLE_LABELS, REACH_LABELS, SHORTLIST_LABELS, STATUS_LABELS } from '@/lib/recruitment/labels';
import { loadVacancy } from '@/lib/recruitment/load';
import { candidatePath, vacancyPath } from '@/lib/recruitment/paths';
import { nextStatus, scoringStageOf } from '@/lib/recruitment/rules';
import { versionPath } from '@/lib/roles/gate';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';

type Params = Promise<{ vacancyId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { vacancy } = await loadVacancy((await params).vacancyId);
  return { title: vacancy ? `${vacancy.vacancy.title} – ${vacancy.vacancy.team.name}` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  moved: 'The vacancy has moved on.',
  panel: 'Panel member added. They have been told by email.',
  'panel-removed': 'Panel member removed.',
  declared: 'Your declarations are confirmed. You can score once scoring opens.',
};

const NEXT_LABELS: Record<string, string> = {
  OPEN: 'Mark as open for applications',
  SHORTLISTING: 'Start shortlisting',
  INTERVIEWING: 'Move to interview',
  DECIDED: 'Record that the vacancy is decided',
  CLOSED: 'Close the vacancy',
};

export default async function VacancyPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { vacancyId } = await params;
  const { vacancy: detail } = await loadVacancy(vacancyId);
  if (!detail) notFound();
  const { vacancy, seat, canManage, isChair, seats, problems, candidates, counts } = detail;
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const next = nextStatus(vacancy.status);
  const nextStage = next ? scoringStageOf(next) : null;
  const blocking = nextStage ? problems[nextStage] : [];
  const path = vacancyPath(vacancy.id);
  const stage = detail.stage;

  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/recruitment', label: 'Recruitment' }]} />
      <span className="nhsuk-caption-l">{vacancy.team.name}</span>
      <h1>{vacancy.title}</h1>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: 'Status', value: <StatusTag status={vacancy.status} /> },
          {
            key: 'Role',
            value: (
              <Link href={versionPath(vacancy.teamId, vacancy.roleVersion.roleId, vacancy.roleVersion.number)}>
                {vacancy.roleVersion.role.title}, agreed version {vacancy.roleVersion.number}
              </Link>
            ),
          },
          { key: 'Posts', value: String(vacancy.posts) },
          { key: 'Closing date', value: <DateTime value={vacancy.closingDate} dateOnly /> },
          { key: 'Candidates reached by', value: REACH_LABELS[vacancy.reach] },
          { key: 'Person specification', value: <Link href={`/recruitment/specifications/${vacancy.specificationId}`}>Criteria and interview pack</Link> },
        ]}
      />

      {seat ? (
        <section aria-labelledby="your-part">
          <h2 id="your-part">Your part: panel {PANEL_ROLE_LABELS[seat.role].toLowerCase()}</h2>
          {counts.total === 0 ? (
            <p>No candidates have been recorded yet. You will declare any conflict of interest once they are.</p>
          ) : detail.declarationsCurrent ? (
            <p>
              You have confirmed your conflict of interest declarations. <Link href={`${path}/conflicts`}>See or change them</Link>.
            </p>
          ) : (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Declare any conflicts of interest first
                </span>
              </h3>
              <p>Before you read any application, look through the candidates’ names and say if you know any of them. You do not score someone you have a conflict with.</p>
              <ButtonLink href={`${path}/conflicts`}>Declare conflicts of interest</ButtonLink>
            </div>
          )}
          {stage ? <p>Score each candidate on your own. Nobody sees your scores until you submit them, and you see nobody else’s until everyone has.</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="stages">
        <h2 id="stages">Where it stands</h2>
        <p>
          {STATUS_LABELS[vacancy.status]}
          {next ? `; next: ${STATUS_LABELS[next].toLowerCase()}.` : '.'}
        </p>
        {canManage && next ? (
          blocking.length > 0 ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>The vacancy cannot move to {STATUS_LABELS[next].toLowerCase()} until the panel meets the composition rule:</p>
              <ul>
                {blocking.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : (
            // Keyed by status: after a move the page is the same, and the form must offer the next step, not its own success.
            <MoveVacancyForm key={vacancy.status} vacancyId={vacancy.id} version={vacancy.version} label={NEXT_LABELS[next] ?? 'Move on'} />
          )
        ) : null}
      </section>

      <section aria-labelledby="panel">
        <h2 id="panel">Panel</h2>
        {seats.length === 0 ? <p>Nobody is on the panel yet.</p> : null}
        {seats.length > 0 ? (
          <Table
            caption="Panel members"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Name' }, { header: 'Place' }, { header: 'Scores at' }, { header: 'Brings' }, { header: 'Declarations' }, ...(canManage ? [{ header: 'Action' }] : [])]}
            rows={seats.map((member) => ({
              key: member.id,
              cells: [
                member.name,
                PANEL_ROLE_LABELS[member.role],
                [member.shortlisting ? 'Shortlisting' : null, member.interview ? 'Interview' : null].filter(Boolean).join(' and '),
                [member.livedExperience ? 'Lived experience' : null, member.hrOrManager ? 'HR or management' : null].filter(Boolean).join(', ') || '–',
                member.conflictsDeclaredAt ? 'Confirmed' : 'Not yet',
                ...(canManage
                  ? [
                      <Link key="remove" href={`${path}/panel/${member.id}/remove`}>
                        Remove<span className="nhsuk-u-visually-hidden"> {member.name}</span>
                      </Link>,
                    ]
                  : []),
              ],
            }))}
          />
        ) : null}
        {[...problems.SHORTLISTING, ...problems.INTERVIEW].length > 0 ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              The rule: at least {detail.rules.minScorers} scorers at each stage, {detail.rules.minLivedExperience} with lived experience (a peer worker or a service-user representative) and {detail.rules.minHrOrManager} from HR or a team’s management.
            </p>
            <ul>
              {[...problems.SHORTLISTING, ...problems.INTERVIEW].map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {detail.panelsDiffer ? (
          <p>
            <Tag colour="yellow">Warning</Tag> The shortlisting and interview panels are not the same people. Candidates are compared more fairly when the same panel sees them throughout.
          </p>
        ) : null}
        <div className="nhsuk-button-group">
          {canManage && vacancy.status !== 'DECIDED' && vacancy.status !== 'CLOSED' ? (
            <ButtonLink href={`${path}/panel/new`} variant="secondary">
              Add a panel member
            </ButtonLink>
          ) : null}
          {isChair || canManage ? <Link href={`${path}/conflicts`}>Conflict of interest declarations</Link> : null}
        </div>
      </section>

      <section aria-labelledby="candidates">
        <h2 id="candidates">Candidates</h2>
        {!canManage && !seat ? (
          <p>
            {counts.total === 1 ? '1 candidate' : `${counts.total} candidates`}, {counts.invited} invited to interview, {counts.appointed} appointed. Only HR and the panel see candidates.
          </p>
        ) : candidates.length === 0 ? (
          <p>
            {counts.total === 0
              ? 'No candidates yet.'
              : canManage
                ? 'No candidates at this stage.'
                : `${counts.total === 1 ? '1 candidate has' : `${counts.total} candidates have`} applied. You will see the applications, each as a number, once shortlisting starts and you have declared any conflicts of interest.`}
          </p>
        ) : canManage ? (
          <Table
            caption="Candidates"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Candidate' }, { header: 'Number' }, { header: 'Needs' }, { header: 'Shortlisting scores', numeric: true }, { header: 'Shortlisting' }, { header: 'Interview scores', numeric: true }, { header: 'Decision' }]}
            rows={candidates.map((candidate) => ({
              key: candidate.id,
              cells: [
                <Link key="name" href={candidatePath(vacancy.id, candidate.id)}>
                  {candidate.label}
                </Link>,
                candidateLabel(candidate.number),
                [candidate.guaranteedInterview ? 'Guaranteed interview' : null, candidate.adjustments ? 'Adjustments' : null].filter(Boolean).join(', ') || '–',
                String(candidate.submittedShortlisting),
                candidate.shortlistOutcome ? SHORTLIST_LABELS[candidate.shortlistOutcome] : '–',
                String(candidate.submittedInterview),
                candidate.outcome ? `${OUTCOME_LABELS[candidate.outcome]}${candidate.appointed ? ' (handed on)' : ''}` : '–',
              ],
            }))}
          />
        ) : (
          <Table
            caption="Candidates"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Candidate' }, { header: 'Your scores' }]}
            rows={candidates.map((candidate) => {
              const mine = stage === 'INTERVIEW' ? candidate.myInterview : candidate.myShortlisting;
              const readable = stage && detail.declarationsCurrent && !candidate.conflicted;
              return {
                key: candidate.id,
                cells: [
                  readable || (!stage && vacancy.status !== 'DRAFT' && vacancy.status !== 'OPEN' && !candidate.conflicted) ? (
                    <Link key="label" href={candidatePath(vacancy.id, candidate.id)}>
                      {candidate.label}
                    </Link>
                  ) : (
                    candidate.label
                  ),
                  candidate.conflicted ? 'You declared a conflict: you do not score them' : !stage ? '–' : mine === 'SUBMITTED' ? 'Submitted' : mine === 'DRAFT' ? 'Draft saved' : 'Not started',
                ],
              };
            })}
          />
        )}
        {canManage && (vacancy.status === 'DRAFT' || vacancy.status === 'OPEN') ? (
          <ButtonLink href={`${path}/candidates/new`} variant="secondary">
            Record a candidate
          </ButtonLink>
        ) : null}
        {canManage ? (
          <p>
            <Link href={`${path}/record`}>The complete scoring record</Link> (to print, for a subject-access request or an appeal) or{' '}
            <a href={`${path}/record.csv`} download>
              download it as CSV
            </a>
            .
          </p>
        ) : null}
      </section>
    </>
  );
}
