// Factories for recruitment: an agreed role, its person specification, a
// vacancy with a panel, candidates and score sheets. Like the other factories
// they write straight to the database (no permission checks, no audit events),
// keeping the domain's invariants: the vacancy is on an agreed version, criteria
// carry five descriptors, a submitted sheet is only ever added to.
import { db, type Tx } from '@/lib/db';
import type { AssessmentMethod, CandidateReach, CriterionCategory, PanelRole, ScoringStage, VacancyStatus } from '@/lib/generated/prisma/enums';
import { DEFAULT_DESCRIPTORS } from '@/lib/recruitment/rules';
import { createRole, inviteReviewers, recordAgreement, submitVersion } from './roles';

type Client = Tx;
type Ref = { id: string };

/** A role of the team with an agreed first version: manager, staff, peer worker and HR all agreed it. */
export async function agreedRole(
  world: { thisTeam: Ref; managerOfThisTeam: Ref; staff: Ref; peerWorker: Ref; hr: Ref },
  options: { title?: string } = {},
  client: Client = db,
) {
  const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam, title: options.title }, client);
  const version = await submitVersion(role, world.managerOfThisTeam, client);
  const reviewers = [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr];
  await inviteReviewers(version, reviewers, world.managerOfThisTeam, client);
  for (const reviewer of reviewers) await recordAgreement(version, reviewer, client);
  const agreed = await client.roleVersion.findUniqueOrThrow({ where: { id: version.id }, select: { id: true, status: true, agreedAt: true } });
  if (agreed.status !== 'AGREED') throw new Error('agreedRole: the version did not become Agreed');
  return { role, version };
}

export interface CriterionOptions {
  category?: CriterionCategory;
  wording?: string;
  essential?: boolean;
  assessedBy?: AssessmentMethod[];
  weight?: number;
  questions?: string[];
}

/** The criteria most tests use: lived experience (essential, application and interview), values (essential, interview, weight 2), a desirable practical one (application). */
export const STANDARD_CRITERIA: CriterionOptions[] = [
  { category: 'LIVED_EXPERIENCE', wording: 'Lived experience of mental health difficulties and recovery', essential: true, assessedBy: ['APPLICATION', 'INTERVIEW'] },
  { category: 'VALUES', wording: 'Commitment to hope, choice and mutuality', essential: true, assessedBy: ['INTERVIEW'], weight: 2 },
  { category: 'PRACTICAL', wording: 'Able to keep simple records', essential: false, assessedBy: ['APPLICATION'] },
];

export async function createSpecification(
  options: { team: Ref; roleVersion: Ref; createdBy: Ref; title?: string; criteria?: CriterionOptions[] },
  client: Client = db,
) {
  const specification = await client.personSpecification.create({
    data: { teamId: options.team.id, roleVersionId: options.roleVersion.id, createdById: options.createdBy.id, title: options.title ?? 'Peer Support Worker person specification' },
    select: { id: true, teamId: true, roleVersionId: true, version: true, title: true },
  });
  const criteria = [];
  for (const [position, criterion] of (options.criteria ?? STANDARD_CRITERIA).entries()) {
    criteria.push(
      await client.criterion.create({
        data: {
          specificationId: specification.id,
          position,
          category: criterion.category ?? 'SKILLS_KNOWLEDGE',
          wording: criterion.wording ?? `Criterion ${position + 1}`,
          essential: criterion.essential ?? false,
          assessedBy: criterion.assessedBy ?? ['INTERVIEW'],
          weight: criterion.weight ?? 1,
          descriptors: [...DEFAULT_DESCRIPTORS],
          questions: criterion.questions ?? ['Tell us about a time you used this.'],
        },
        select: { id: true, category: true, wording: true, essential: true, assessedBy: true, weight: true },
      }),
    );
  }
  return { ...specification, criteria };
}

export type FactorySpecification = Awaited<ReturnType<typeof createSpecification>>;

export async function createVacancy(
  options: { specification: FactorySpecification; createdBy: Ref; status?: VacancyStatus; title?: string; reach?: CandidateReach; decidedAt?: Date },
  client: Client = db,
) {
  return client.vacancy.create({
    data: {
      teamId: options.specification.teamId,
      roleVersionId: options.specification.roleVersionId,
      specificationId: options.specification.id,
      title: options.title ?? 'Peer Support Worker',
      posts: 1,
      closingDate: new Date(Date.UTC(2027, 0, 31)),
      reach: options.reach ?? 'OPEN_ADVERT',
      status: options.status ?? 'DRAFT',
      decidedAt: options.decidedAt ?? null,
      createdById: options.createdBy.id,
    },
    select: { id: true, teamId: true, title: true, status: true, version: true, specificationId: true, roleVersionId: true },
  });
}

export type FactoryVacancy = Awaited<ReturnType<typeof createVacancy>>;

export async function addPanelMember(
  vacancy: Ref,
  person: Ref,
  options: { role?: PanelRole; stages?: ScoringStage[]; declared?: boolean } = {},
  client: Client = db,
) {
  const stages = options.stages ?? ['SHORTLISTING', 'INTERVIEW'];
  return client.panelMember.create({
    data: {
      vacancyId: vacancy.id,
      userId: person.id,
      role: options.role ?? 'MEMBER',
      shortlisting: stages.includes('SHORTLISTING'),
      interview: stages.includes('INTERVIEW'),
      conflictsDeclaredAt: options.declared === false ? null : new Date(),
    },
    select: { id: true, userId: true, role: true },
  });
}

export interface CandidateOptions {
  name?: string;
  email?: string;
  guaranteedInterview?: boolean;
  adjustments?: string;
  /** Answers by criterion id; by default every application criterion gets one. */
  answers?: Record<string, string>;
  identifying?: string[];
}

export async function createCandidate(vacancy: Ref & { specificationId: string }, createdBy: Ref, options: CandidateOptions = {}, client: Client = db) {
  const number = (await client.candidate.count({ where: { vacancyId: vacancy.id } })) + 1;
  const criteria = await client.criterion.findMany({ where: { specificationId: vacancy.specificationId, assessedBy: { has: 'APPLICATION' } }, select: { id: true } });
  const answers = options.answers ?? Object.fromEntries(criteria.map((criterion, index) => [criterion.id, `Application answer ${index + 1} from candidate ${number}`]));
  return client.candidate.create({
    data: {
      vacancyId: vacancy.id,
      number,
      name: options.name ?? `Candidate Person ${number}`,
      email: options.email ?? `candidate-${number}-${vacancy.id.slice(0, 8)}@example.test`,
      phone: '07700 900123',
      adjustments: options.adjustments ?? null,
      guaranteedInterview: options.guaranteedInterview ?? false,
      createdById: createdBy.id,
      answers: { create: Object.entries(answers).map(([criterionId, text]) => ({ criterionId, text, identifying: (options.identifying ?? []).includes(criterionId) })) },
    },
    select: { id: true, number: true, name: true, email: true, vacancyId: true, version: true },
  });
}

/** One member's scores for a candidate at a stage: submitted unless `draft`. */
export async function scoreCandidate(
  candidate: Ref,
  member: Ref,
  stage: ScoringStage,
  scores: Record<string, number>,
  options: { draft?: boolean; evidence?: string } = {},
  client: Client = db,
) {
  return client.scoreSheet.create({
    data: {
      candidateId: candidate.id,
      userId: member.id,
      stage,
      submittedAt: options.draft ? null : new Date(),
      scores: { create: Object.entries(scores).map(([criterionId, score]) => ({ criterionId, score, evidence: options.evidence ?? `Evidence for ${score}` })) },
    },
    select: { id: true, submittedAt: true },
  });
}
