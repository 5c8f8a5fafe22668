// Recruiting against the agreed role (issue 10), through the actions and the
// reads on real PostgreSQL: vacancies only on an agreed version, the person
// specification's checks, the panel composition rule, conflicts of interest,
// blind independent scoring (nobody reads a score before its author submits it),
// names withheld at shortlisting, the guaranteed-interview rule, the matrix,
// decisions, the appointment hand-off, and no candidate data in the audit log or
// in notifications.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import type { PanelRole, ScoringStage, VacancyStatus } from '@/lib/generated/prisma/enums';
import { getVacancyAccess, visibleVacanciesWhere } from '@/lib/recruitment/access';
import * as decisions from '@/lib/recruitment/decision-actions';
import { pendingPlacements } from '@/lib/recruitment/gate';
import * as panel from '@/lib/recruitment/panel-actions';
import { vacancyPath } from '@/lib/recruitment/paths';
import { getCandidate, getConflicts, getFeedback, getSpecification, getVacancy, getVacancyRecord, listVacancies } from '@/lib/recruitment/queries';
import { PURGED_REASON } from '@/lib/recruitment/retention';
import { retentionDate } from '@/lib/recruitment/rules';
import * as settings from '@/lib/recruitment/settings-actions';
import * as specifications from '@/lib/recruitment/specification-actions';
import * as vacancies from '@/lib/recruitment/vacancy-actions';
import {
  addMembership,
  addPanelMember,
  agreedRole,
  buildWorld,
  createCandidate,
  createRole,
  createSpecification,
  createUser,
  createVacancy,
  editDraft,
  inviteReviewers,
  recordAgreement,
  roleContent,
  roleInReview,
  scoreCandidate,
  submitVersion,
  type CandidateOptions,
  type CriterionOptions,
  type World,
} from '../factories';
import { actingAs, currentUserOf } from '../support/roles';
import { snapshotDatabase } from '../support/snapshot';

type Ref = { id: string };

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

/** The action's data, or a failure that says what went wrong. */
function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** Everything a read returned, as text: Maps and Sets included, so nothing hides from a search. */
function serialise(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? Object.fromEntries(item) : item instanceof Set ? [...item] : item)) ?? '';
}

const viewer = (user: Ref) => currentUserOf(user);

/** A candidate as a reader with the full view sees them (not blocked, not null): fails the test otherwise. */
function full<View extends { blocked: unknown }>(view: View | null): Extract<View, { blocked: null }> {
  if (!view || view.blocked !== null) throw new Error(`Expected the full view of the candidate, got ${view ? `blocked: ${String(view.blocked)}` : 'nothing'}`);
  return view as Extract<View, { blocked: null }>;
}

const NEXT_YEAR = String(new Date().getUTCFullYear() + 1);

function openVacancy(specificationId: string, overrides: Record<string, unknown> = {}) {
  return actingAs(world.hr, () =>
    vacancies.openVacancy(null, { specificationId, title: 'Peer Support Worker', posts: 1, closingDate: { day: '31', month: '3', year: NEXT_YEAR }, reach: 'DIRECT_APPROACH', ...overrides }),
  );
}

async function move(vacancyId: string, as: Ref = world.hr) {
  const { version } = await db.vacancy.findUniqueOrThrow({ where: { id: vacancyId }, select: { version: true } });
  return actingAs(as, () => vacancies.moveVacancy(null, { vacancyId, version }));
}

const statusOf = async (vacancyId: string) => (await db.vacancy.findUniqueOrThrow({ where: { id: vacancyId }, select: { status: true } })).status;

function score(member: Ref, candidateId: string, stage: ScoringStage, scores: Record<string, number>, options: { intent?: 'save' | 'submit'; evidence?: string } = {}) {
  const evidence = options.evidence ?? 'What they said at this stage';
  return actingAs(member, () =>
    panel.saveScores(null, { candidateId, stage, intent: options.intent ?? 'submit', scores: Object.fromEntries(Object.entries(scores).map(([criterionId, value]) => [criterionId, { score: value, evidence }])) }),
  );
}

async function candidateVersion(candidateId: string) {
  return (await db.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { version: true } })).version;
}

async function decide(as: Ref, candidateId: string, input: { outcome: 'APPOINTED' | 'RESERVE' | 'NOT_APPOINTED'; rationale?: string; essentialJustification?: string }) {
  const version = await candidateVersion(candidateId);
  return actingAs(as, () => decisions.decideCandidate(null, { candidateId, version, rationale: 'Scored well on lived experience and values at interview', ...input }));
}

interface Seat {
  user: Ref;
  role?: PanelRole;
  stages?: ScoringStage[];
  declared?: boolean;
}

/** The usual panel: the team's manager chairs, the peer worker and the representative bring lived experience. */
const standardPanel = (): Seat[] => [{ user: world.managerOfThisTeam, role: 'CHAIR' }, { user: world.peerWorker }, { user: world.serviceUserRep }];

/**
 * A vacancy on a freshly agreed role, at `status`, with its candidates and then
 * its panel (so the panel's declarations are current). The standard criteria:
 * lived experience (essential, application and interview), values (essential,
 * interview, weight 2), practical (desirable, application).
 */
async function vacancyWith(setup: { status?: VacancyStatus; criteria?: CriterionOptions[]; candidates?: CandidateOptions[]; panel?: Seat[]; posts?: number } = {}) {
  const { role, version } = await agreedRole(world);
  const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr, criteria: setup.criteria });
  const vacancy = await createVacancy({ specification, createdBy: world.hr, status: setup.status ?? 'SHORTLISTING' });
  if (setup.posts) await db.vacancy.update({ where: { id: vacancy.id }, data: { posts: setup.posts } });
  const candidates = [];
  for (const options of setup.candidates ?? [{}]) candidates.push(await createCandidate(vacancy, world.hr, options));
  for (const seat of setup.panel ?? standardPanel()) await addPanelMember(vacancy, seat.user, { role: seat.role, stages: seat.stages, declared: seat.declared });
  const [lived, values, practical] = specification.criteria;
  return { role, version, specification, vacancy, candidates, lived, values, practical };
}

/** Invites candidates to interview and moves the vacancy there, as if shortlisting had happened. */
async function atInterview(vacancyId: string, candidateIds: string[]) {
  await db.candidate.updateMany({ where: { id: { in: candidateIds } }, data: { shortlistOutcome: 'INVITED' } });
  await db.vacancy.update({ where: { id: vacancyId }, data: { status: 'INTERVIEWING' } });
}

describe('recruiting only to an agreed role', () => {
  it('refuses a person specification for a role with only a draft, or a version still in review', async () => {
    const draftOnly = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    const { role: inReview } = await roleInReview(world);
    for (const role of [draftOnly, inReview]) {
      for (const author of [world.hr, world.managerOfThisTeam]) {
        const result = await actingAs(author, () => specifications.createSpecification(null, { roleId: role.id, title: 'Peer support worker' }));
        expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { roleId: ['This role has no agreed version yet: a person specification is built from an agreed role'] } });
      }
      expect(await db.personSpecification.count({ where: { roleVersion: { roleId: role.id } } })).toBe(0);
    }
  });

  it('builds the person specification from the agreed version, even while a newer version is in review', async () => {
    const { role, version } = await agreedRole(world);
    await submitVersion(role, world.managerOfThisTeam);
    const { specificationId } = ok(await actingAs(world.managerOfThisTeam, () => specifications.createSpecification(null, { roleId: role.id, title: 'Peer support worker' })));
    const specification = await db.personSpecification.findUniqueOrThrow({ where: { id: specificationId }, include: { criteria: true } });
    expect(specification).toMatchObject({ roleVersionId: version.id, teamId: world.thisTeam.id });
    expect(specification.criteria.some((criterion) => criterion.category === 'LIVED_EXPERIENCE' && criterion.essential)).toBe(true);
  });

  it('refuses a vacancy on a role version that is not agreed', async () => {
    const { version } = await roleInReview(world);
    const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
    const result = await openVacancy(specification.id);
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { specificationId: ['This role has no agreed version: only an agreed role can be recruited to'] } });
    expect(await db.vacancy.count({ where: { specificationId: specification.id } })).toBe(0);
  });

  it('keeps the version a vacancy was opened on when the role later agrees a new one, and opens no vacancy on the old version after that', async () => {
    const { role, version } = await agreedRole(world);
    const { specificationId } = ok(await actingAs(world.hr, () => specifications.createSpecification(null, { roleId: role.id, title: 'Peer support worker' })));
    const { vacancyId } = ok(await openVacancy(specificationId));
    expect(await db.vacancy.findUniqueOrThrow({ where: { id: vacancyId }, select: { roleVersionId: true, status: true } })).toEqual({ roleVersionId: version.id, status: 'DRAFT' });

    // The team agrees version 2.
    await editDraft(role, roleContent({ purpose: { text: 'A purpose the team has since changed.' } }));
    const second = await submitVersion(role, world.managerOfThisTeam);
    const reviewers = [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr];
    await inviteReviewers(second, reviewers, world.managerOfThisTeam);
    for (const reviewer of reviewers) await recordAgreement(second, reviewer);
    const versions = await db.roleVersion.findMany({ where: { roleId: role.id }, orderBy: { number: 'asc' }, select: { id: true, status: true } });
    expect(versions).toEqual([
      { id: version.id, status: 'SUPERSEDED' },
      { id: second.id, status: 'AGREED' },
    ]);

    expect(await db.vacancy.findUniqueOrThrow({ where: { id: vacancyId }, select: { roleVersionId: true } })).toEqual({ roleVersionId: version.id });
    expect((await getVacancy(await viewer(world.hr), vacancyId))?.vacancy.roleVersion.number).toBe(1);
    const again = await openVacancy(specificationId);
    expect(again).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(!again.ok && again.fieldErrors?.specificationId?.[0]).toBe(
      'This person specification was built from version 1, but version 2 of the role is now agreed: build a person specification from the agreed version',
    );
  });
});

describe('the person specification’s checks', () => {
  it('refuses to open a vacancy from a specification without an essential lived experience criterion, and says why', async () => {
    const { version } = await agreedRole(world);
    const specification = await createSpecification({
      team: world.thisTeam,
      roleVersion: version,
      createdBy: world.hr,
      criteria: [
        { category: 'LIVED_EXPERIENCE', wording: 'Lived experience of recovery', essential: false, assessedBy: ['APPLICATION', 'INTERVIEW'] },
        { category: 'VALUES', wording: 'Commitment to hope and choice', essential: true, assessedBy: ['APPLICATION', 'INTERVIEW'] },
      ],
    });
    const result = await openVacancy(specification.id);
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(!result.ok && result.fieldErrors?.specificationId?.[0]).toBe(
      'The person specification is not ready: Add at least one lived experience criterion marked essential: lived experience is what the role rests on',
    );
    expect((await getSpecification(await viewer(world.hr), specification.id))?.check.problems).toEqual([
      'Add at least one lived experience criterion marked essential: lived experience is what the role rests on',
    ]);
    expect(await db.vacancy.count({ where: { specificationId: specification.id } })).toBe(0);
  });

  it('warns, without refusing, when a clinical qualification is made essential', async () => {
    const { version } = await agreedRole(world);
    const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
    const descriptors = { 0: 'No evidence', 1: 'Some', 2: 'Meets it', 3: 'Good', 4: 'Strong' };
    const wording = 'Registered Mental Health Nurse (RMN) with current NMC registration';
    const criterion = { specificationId: specification.id, category: 'SKILLS_KNOWLEDGE', wording, assessedBy: ['APPLICATION'], weight: 1, descriptors, questions: 'Tell us about your registration.' };
    const { criterionId } = ok(await actingAs(world.managerOfThisTeam, () => specifications.saveCriterion(null, { ...criterion, version: 1, essential: 'yes' })));

    const check = (await getSpecification(await viewer(world.managerOfThisTeam), specification.id))!.check;
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([`“${wording}” makes a clinical qualification essential: it can shut out people whose lived experience is what the role needs`]);

    // Desirable, it is no longer warned about.
    ok(await actingAs(world.hr, () => specifications.saveCriterion(null, { ...criterion, criterionId, version: 2, essential: 'no' })));
    expect((await getSpecification(await viewer(world.hr), specification.id))!.check.warnings).toEqual([]);
    // A warning never stops the vacancy.
    ok(await actingAs(world.hr, () => specifications.saveCriterion(null, { ...criterion, criterionId, version: 3, essential: 'yes' })));
    expect(ok(await openVacancy(specification.id)).vacancyId).toEqual(expect.any(String));
  });
});

describe('moving a vacancy on with its panel', () => {
  it('refuses shortlisting while the panel has nobody with lived experience, or only one scorer', async () => {
    const cases: Array<{ seats: Seat[]; message: string }> = [
      {
        seats: [{ user: world.managerOfThisTeam, role: 'CHAIR' }, { user: world.staff }],
        message: 'The panel does not meet the composition rule yet: The shortlisting panel needs at least 1 member with lived experience (a peer worker or a service-user representative).',
      },
      {
        seats: [{ user: world.peerWorker, role: 'CHAIR' }],
        message:
          'The panel does not meet the composition rule yet: The shortlisting panel needs at least 2 scorers; The shortlisting panel needs at least 1 member from HR or a team manager.',
      },
    ];
    for (const { seats, message } of cases) {
      const { vacancy } = await vacancyWith({ status: 'OPEN', panel: seats });
      expect(await move(vacancy.id)).toEqual({ ok: false, code: 'CONFLICT', error: message });
      expect(await statusOf(vacancy.id)).toBe('OPEN');
      expect(await db.notification.count({ where: { kind: 'SCORING_OPEN', path: vacancyPath(vacancy.id) } })).toBe(0);
    }
  });

  it('refuses the interview stage while the interview panel breaks the rule', async () => {
    const { vacancy, candidates } = await vacancyWith({
      status: 'SHORTLISTING',
      panel: [{ user: world.managerOfThisTeam, role: 'CHAIR' }, { user: world.peerWorker, stages: ['SHORTLISTING'] }, { user: world.serviceUserRep, stages: ['SHORTLISTING'] }],
    });
    await db.candidate.updateMany({ where: { id: { in: candidates.map((candidate) => candidate.id) } }, data: { shortlistOutcome: 'INVITED' } });
    expect(await move(vacancy.id)).toEqual({
      ok: false,
      code: 'CONFLICT',
      error:
        'The panel does not meet the composition rule yet: The interview panel needs at least 2 scorers; The interview panel needs at least 1 member with lived experience (a peer worker or a service-user representative).',
    });
    expect(await statusOf(vacancy.id)).toBe('SHORTLISTING');
    const detail = await getVacancy(await viewer(world.hr), vacancy.id);
    expect(detail?.panelsDiffer).toBe(true);
    expect(detail?.problems.INTERVIEW).toHaveLength(2);
  });

  it('moves on with a valid panel and tells the stage’s scorers, with nothing about any candidate', async () => {
    const name = 'Ottoline Fairweather-Quince';
    const email = 'ottoline.fq@example.test';
    const { vacancy, candidates } = await vacancyWith({ status: 'OPEN', candidates: [{ name, email }] });
    expect(await move(vacancy.id)).toEqual({ ok: true, data: { vacancyId: vacancy.id, status: 'SHORTLISTING' } });
    const told = await db.notification.findMany({ where: { kind: 'SCORING_OPEN', path: vacancyPath(vacancy.id) } });
    expect(told.map((row) => row.recipientId).sort()).toEqual([world.managerOfThisTeam.id, world.peerWorker.id, world.serviceUserRep.id].sort());
    for (const row of told) {
      expect(row).toMatchObject({ teamName: world.thisTeam.name, title: vacancy.title, requestKey: `scoring:${vacancy.id}:SHORTLISTING`, count: null, secretPath: null });
    }
    const text = serialise(told);
    for (const secret of [name, 'Ottoline', email, candidates[0].id, 'Candidate 1']) expect(text).not.toContain(secret);
  });
});

describe('conflicts of interest and declarations', () => {
  it('refuses scores for a candidate the member declared a conflict with, and leaves them out of who must submit', async () => {
    const { vacancy, candidates, lived, practical } = await vacancyWith({
      status: 'OPEN',
      candidates: [{ name: 'Wilhelmina Knowles' }, { name: 'Arthur Brightwater' }],
      panel: standardPanel().map((seat) => ({ ...seat, declared: false })),
    });
    const [known, unknown] = candidates;
    const peerAccess = await getVacancyAccess(await viewer(world.peerWorker), vacancy.id);
    expect(peerAccess?.seat).toBeTruthy();
    const names = (await getConflicts(await viewer(world.peerWorker), vacancy.id))?.names;
    expect(names?.map((entry) => entry.name)).toEqual(['Arthur Brightwater', 'Wilhelmina Knowles']);
    const key = names!.find((entry) => entry.name === 'Wilhelmina Knowles')!.declarationKey;
    ok(await actingAs(world.peerWorker, () => panel.declareConflict(null, { vacancyId: vacancy.id, declarationKey: key, kind: 'SUPPORTED_AS_SERVICE_USER', note: 'I supported them on the ward' })));
    for (const member of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep]) ok(await actingAs(member, () => panel.confirmDeclarations(null, { vacancyId: vacancy.id })));
    ok(await move(vacancy.id));

    expect(await score(world.peerWorker, known.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      error: 'You declared a conflict of interest with this candidate, so you do not score them.',
    });
    expect(await db.scoreSheet.count({ where: { candidateId: known.id } })).toBe(0);
    ok(await score(world.peerWorker, unknown.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 }));

    expect(await getCandidate(await viewer(world.peerWorker), vacancy.id, known.id)).toMatchObject({ blocked: 'CONFLICT', heading: 'Candidate 1' });
    const asHr = await getCandidate(await viewer(world.hr), vacancy.id, known.id);
    expect(full(asHr).stages.SHORTLISTING.eligible.map((member) => member.userId)).toEqual([world.managerOfThisTeam.id, world.serviceUserRep.id]);

    // The chair sees who declared what about whom, by name, never by number.
    // At shortlisting the chair sees who declared and what kind, not about whom (the candidate pages show who does not
    // score each number); HR sees the name and note.
    const declarations = (await getConflicts(await viewer(world.managerOfThisTeam), vacancy.id))?.everyone;
    expect(declarations).toEqual([expect.objectContaining({ kind: 'SUPPORTED_AS_SERVICE_USER', note: null, user: { name: world.peerWorker.name }, candidate: { name: null } })]);
    expect((await getConflicts(await viewer(world.hr), vacancy.id))?.everyone).toEqual([
      expect.objectContaining({ kind: 'SUPPORTED_AS_SERVICE_USER', note: 'I supported them on the ward', candidate: { name: 'Wilhelmina Knowles' } }),
    ]);
    expect(serialise(declarations)).not.toContain('"number"');
    // Another member does not see them.
    expect((await getConflicts(await viewer(world.serviceUserRep), vacancy.id))?.everyone).toBeNull();
  });

  it('refuses scores until the member has confirmed their declarations, and again after a candidate is added', async () => {
    const { vacancy, candidates, lived, practical } = await vacancyWith({ status: 'OPEN', panel: standardPanel().map((seat) => ({ ...seat, declared: false })) });
    const [first] = candidates;
    const shortlistingScores = { [lived.id]: 2, [practical.id]: 2 };
    const refusal = { ok: false, code: 'CONFLICT', error: 'Confirm your conflict of interest declarations against the list of candidates before scoring.' };

    ok(await actingAs(world.peerWorker, () => panel.confirmDeclarations(null, { vacancyId: vacancy.id })));
    const { candidateId: second } = ok(
      await actingAs(world.hr, () => vacancies.addCandidate(null, { vacancyId: vacancy.id, name: 'Late Applicant', email: 'late.applicant@example.test', answers: {}, identifying: [] })),
    );
    ok(await move(vacancy.id));

    // The peer worker confirmed before the second candidate was added; the representative never confirmed.
    for (const member of [world.peerWorker, world.serviceUserRep]) {
      for (const candidateId of [first.id, second]) expect(await score(member, candidateId, 'SHORTLISTING', shortlistingScores, { intent: 'save' })).toEqual(refusal);
    }
    expect(await getCandidate(await viewer(world.peerWorker), vacancy.id, first.id)).toMatchObject({ blocked: 'DECLARE_FIRST' });
    expect(await db.scoreSheet.count({ where: { candidate: { vacancyId: vacancy.id } } })).toBe(0);

    ok(await actingAs(world.peerWorker, () => panel.confirmDeclarations(null, { vacancyId: vacancy.id })));
    ok(await score(world.peerWorker, second, 'SHORTLISTING', shortlistingScores, { intent: 'save' }));
    expect(await getCandidate(await viewer(world.peerWorker), vacancy.id, second)).toMatchObject({ blocked: null });
  });
});

describe('nobody reads a score before its author submits it', () => {
  it('shows HR, the chair, other members, the team’s managers and an administrator who has submitted, never what; the author alone sees their draft', async () => {
    const otherManager = await createUser({ name: `Another Manager ${world.suffix}`, orgRole: 'MEMBER' });
    await addMembership(world.thisTeam, otherManager, 'MANAGER');
    const { vacancy, candidates, lived, practical } = await vacancyWith({ status: 'SHORTLISTING' });
    const [candidate] = candidates;
    const DRAFT = 'DRAFT-EVIDENCE-only-the-peer-worker-may-read';
    const SUBMITTED = 'SUBMITTED-EVIDENCE-of-the-representative';
    ok(await score(world.peerWorker, candidate.id, 'SHORTLISTING', { [lived.id]: 4 }, { intent: 'save', evidence: DRAFT }));
    ok(await score(world.serviceUserRep, candidate.id, 'SHORTLISTING', { [lived.id]: 1, [practical.id]: 0 }, { evidence: SUBMITTED }));

    const reads = async (user: Ref) => {
      const person = await viewer(user);
      return {
        vacancy: await getVacancy(person, vacancy.id),
        candidate: await getCandidate(person, vacancy.id, candidate.id),
        record: await getVacancyRecord(person, vacancy.id),
        feedback: await getFeedback(person, vacancy.id, candidate.id),
        list: await listVacancies(person, 1),
      };
    };

    // An administrator sets the rules and sees no vacancy, candidate or score.
    const admin = await reads(world.admin);
    expect(admin).toMatchObject({ vacancy: null, candidate: null, record: null, feedback: null });
    expect(admin.list.items.map((item) => item.id)).not.toContain(vacancy.id);

    // People with nothing to do with the vacancy find nothing.
    for (const outsider of [world.managerOfOtherTeam, world.staff, world.newcomer]) {
      expect(await reads(outsider)).toMatchObject({ vacancy: null, candidate: null, record: null, feedback: null });
    }

    // A manager of the team who is not on the panel follows the vacancy, not its candidates.
    const manager = await reads(otherManager);
    expect(manager).toMatchObject({ candidate: null, record: null, feedback: null });
    expect(manager.vacancy?.candidates).toEqual([]);

    // HR: who has submitted, never what.
    const hr = await reads(world.hr);
    expect(full(hr.candidate).stages.SHORTLISTING).toMatchObject({ complete: false, matrix: null });
    expect([...full(hr.candidate).stages.SHORTLISTING.submitted]).toEqual([world.serviceUserRep.id]);
    expect(full(hr.candidate).own.size).toBe(0);
    expect(hr.feedback?.stages).toEqual([]);
    expect(hr.vacancy?.candidates).toEqual([expect.objectContaining({ id: candidate.id, submittedShortlisting: 1 })]);

    // The chair: no more than any other member.
    const chair = await reads(world.managerOfThisTeam);
    expect(chair).toMatchObject({ record: null, feedback: null });
    expect(full(chair.candidate).stages.SHORTLISTING).toMatchObject({ complete: false, matrix: null });
    expect(full(chair.candidate).own.size).toBe(0);

    for (const [who, seen] of Object.entries({ admin, manager, hr, chair })) {
      const text = serialise(seen);
      expect({ who, draft: text.includes(DRAFT), submitted: text.includes(SUBMITTED), scores: text.includes('"score":') }).toEqual({ who, draft: false, submitted: false, scores: false });
    }

    // The author of the draft sees it, and nobody else's sheet.
    const peer = await reads(world.peerWorker);
    expect(full(peer.candidate).own.get('SHORTLISTING')).toMatchObject({ submittedAt: null, scores: [expect.objectContaining({ criterionId: lived.id, score: 4, evidence: DRAFT })] });
    expect(full(peer.candidate).stages.SHORTLISTING.matrix).toBeNull();
    expect(serialise(peer)).not.toContain(SUBMITTED);

    // The member who submitted sees their own sheet, and not the draft.
    const representative = await reads(world.serviceUserRep);
    expect(full(representative.candidate).own.get('SHORTLISTING')?.submittedAt).toEqual(expect.any(Date));
    expect(serialise(representative)).toContain(SUBMITTED);
    expect(serialise(representative)).not.toContain(DRAFT);
    expect(representative.record).toBeNull();

    // Once every eligible member has submitted, the panel and HR see the matrix; a replaced draft is gone.
    ok(await score(world.managerOfThisTeam, candidate.id, 'SHORTLISTING', { [lived.id]: 2, [practical.id]: 2 }, { evidence: 'CHAIR-EVIDENCE' }));
    expect(full((await reads(world.hr)).candidate).stages.SHORTLISTING.matrix).toBeNull();
    ok(await score(world.peerWorker, candidate.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 2 }, { evidence: 'PEER-FINAL-EVIDENCE' }));
    const after = await reads(world.hr);
    expect(full(after.candidate).stages.SHORTLISTING).toMatchObject({ complete: true, matrix: expect.objectContaining({ members: [world.managerOfThisTeam.id, world.peerWorker.id, world.serviceUserRep.id] }) });
    const record = serialise(after.record);
    for (const evidence of [SUBMITTED, 'CHAIR-EVIDENCE', 'PEER-FINAL-EVIDENCE']) expect(record).toContain(evidence);
    expect(serialise(after)).not.toContain(DRAFT);
    expect(full((await reads(world.managerOfThisTeam)).candidate).stages.SHORTLISTING.matrix).not.toBeNull();
    expect((await reads(world.admin)).candidate).toBeNull();
  });

  it('keeps a submitted sheet out of HR’s record of the vacancy until every eligible member has submitted for that candidate', async () => {
    const { vacancy, candidates, lived, practical } = await vacancyWith({ status: 'SHORTLISTING', candidates: [{}, {}] });
    const [complete, partial] = candidates;
    for (const member of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep]) {
      ok(await score(member, complete.id, 'SHORTLISTING', { [lived.id]: 2, [practical.id]: 2 }, { evidence: 'EVERYONE-IN' }));
    }
    ok(await score(world.serviceUserRep, partial.id, 'SHORTLISTING', { [lived.id]: 4, [practical.id]: 4 }, { evidence: 'ONLY-ONE-IN' }));
    const record = await getVacancyRecord(await viewer(world.hr), vacancy.id);
    expect(record?.sheets.map((sheet) => sheet.candidateId)).toEqual([complete.id, complete.id, complete.id]);
    expect(serialise(record)).not.toContain('ONLY-ONE-IN');
  });
});

describe('a panel member of one vacancy', () => {
  it('finds nothing of another vacancy’s candidates, and may do nothing to them', async () => {
    const a = await vacancyWith({ status: 'SHORTLISTING' });
    const b = await vacancyWith({
      status: 'SHORTLISTING',
      candidates: [{ name: 'Bartholomew Otherton', email: 'bart.otherton@example.test' }],
      panel: [{ user: world.serviceUserRep, role: 'CHAIR' }, { user: world.staff }, { user: world.hr }],
    });
    const [theirs] = b.candidates;
    const sheet = await scoreCandidate(theirs, world.serviceUserRep, 'SHORTLISTING', { [b.lived.id]: 2, [b.practical.id]: 2 });
    const theirScore = await db.score.findFirstOrThrow({ where: { sheetId: sheet.id } });
    const { declarationKey } = await db.candidate.findUniqueOrThrow({ where: { id: theirs.id }, select: { declarationKey: true } });

    const peer = await viewer(world.peerWorker);
    expect(await getVacancy(peer, b.vacancy.id)).toBeNull();
    expect(await getCandidate(peer, b.vacancy.id, theirs.id)).toBeNull();
    // Through the address of the vacancy they do sit on.
    expect(await getCandidate(peer, a.vacancy.id, theirs.id)).toBeNull();
    expect(await getFeedback(peer, b.vacancy.id, theirs.id)).toBeNull();
    const listed = await db.vacancy.findMany({ where: { AND: [visibleVacanciesWhere(peer), { id: { in: [a.vacancy.id, b.vacancy.id] } }] }, select: { id: true } });
    expect(listed).toEqual([{ id: a.vacancy.id }]);
    // The chair of A is a manager of the team: they follow B, but read none of its candidates.
    const chairOfA = await viewer(world.managerOfThisTeam);
    expect((await getVacancy(chairOfA, b.vacancy.id))?.candidates).toEqual([]);
    expect(await getCandidate(chairOfA, b.vacancy.id, theirs.id)).toBeNull();

    const before = await snapshotDatabase();
    const forbidden = { ok: false, code: 'FORBIDDEN' };
    expect(await score(world.peerWorker, theirs.id, 'SHORTLISTING', { [b.lived.id]: 4, [b.practical.id]: 4 })).toMatchObject(forbidden);
    expect(await actingAs(world.peerWorker, () => panel.declareConflict(null, { vacancyId: b.vacancy.id, declarationKey, kind: 'KNOWS_THEM' }))).toMatchObject(forbidden);
    expect(await actingAs(world.peerWorker, () => panel.declareConflict(null, { vacancyId: a.vacancy.id, declarationKey, kind: 'KNOWS_THEM' }))).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { declarationKey: ['That candidate is not on this vacancy'] },
    });
    expect(await actingAs(world.peerWorker, () => panel.confirmDeclarations(null, { vacancyId: b.vacancy.id }))).toMatchObject(forbidden);
    expect(await actingAs(world.peerWorker, () => panel.correctScore(null, { scoreId: theirScore.id, score: 0, reason: 'Trying' }))).toMatchObject(forbidden);
    expect(await actingAs(world.peerWorker, () => panel.addModerationNote(null, { candidateId: theirs.id, stage: 'SHORTLISTING', text: 'We agreed' }))).toMatchObject(forbidden);
    expect(await actingAs(world.managerOfThisTeam, () => vacancies.shortlistCandidate(null, { candidateId: theirs.id, outcome: 'INVITED' }))).toMatchObject(forbidden);
    expect(await actingAs(world.managerOfThisTeam, () => decisions.decideCandidate(null, { candidateId: theirs.id, version: 1, outcome: 'APPOINTED', rationale: 'x' }))).toMatchObject(forbidden);
    expect(await snapshotDatabase()).toEqual(before);
  });
});

describe('a submitted score', () => {
  it('is never edited: saving again is refused, the database refuses an UPDATE, and a correction is a new entry with its reason', async () => {
    const { vacancy, candidates, lived, practical } = await vacancyWith({ status: 'SHORTLISTING' });
    const [candidate] = candidates;
    ok(await score(world.peerWorker, candidate.id, 'SHORTLISTING', { [lived.id]: 0, [practical.id]: 3 }));

    for (const intent of ['save', 'submit'] as const) {
      expect(await score(world.peerWorker, candidate.id, 'SHORTLISTING', { [lived.id]: 4, [practical.id]: 4 }, { intent })).toEqual({
        ok: false,
        code: 'CONFLICT',
        error: 'You have already submitted these scores: a submitted score is never edited. Record a correction with a reason instead.',
      });
    }
    const original = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: candidate.id, userId: world.peerWorker.id }, criterionId: lived.id } });
    await expect(db.$executeRaw`UPDATE "Score" SET "score" = 4 WHERE "id" = ${original.id}::uuid`).rejects.toThrow(/A submitted score cannot be changed/);
    await expect(db.$executeRaw`UPDATE "Score" SET "evidence" = 'rewritten' WHERE "id" = ${original.id}::uuid`).rejects.toThrow(/A submitted score cannot be changed/);
    await expect(db.$executeRaw`DELETE FROM "Score" WHERE "id" = ${original.id}::uuid`).rejects.toThrow(/A submitted score cannot be deleted/);
    expect(await db.score.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({ score: 0, correctsId: null });

    // Only its author corrects it.
    expect(await actingAs(world.serviceUserRep, () => panel.correctScore(null, { scoreId: original.id, score: 3, reason: 'Not mine to correct' }))).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      error: 'That score is not one of yours.',
    });
    ok(await actingAs(world.peerWorker, () => panel.correctScore(null, { scoreId: original.id, score: 3, evidence: 'Read their answer again', reason: 'I misread the scale' })));
    const rows = await db.score.findMany({ where: { sheet: { candidateId: candidate.id, userId: world.peerWorker.id }, criterionId: lived.id }, orderBy: { createdAt: 'asc' } });
    expect(rows).toEqual([
      expect.objectContaining({ id: original.id, score: 0, correctsId: null, reason: null }),
      expect.objectContaining({ score: 3, correctsId: original.id, reason: 'I misread the scale', evidence: 'Read their answer again' }),
    ]);
    expect(await actingAs(world.peerWorker, () => panel.correctScore(null, { scoreId: original.id, score: 2, reason: 'Again' }))).toEqual({
      ok: false,
      code: 'CONFLICT',
      error: 'This score has already been corrected: correct the latest entry.',
    });

    // The matrix reads the correction (the original 0 against two 3s would have been flagged).
    ok(await score(world.managerOfThisTeam, candidate.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 }));
    ok(await score(world.serviceUserRep, candidate.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 }));
    const matrix = full(await getCandidate(await viewer(world.hr), vacancy.id, candidate.id)).stages.SHORTLISTING.matrix;
    expect(matrix?.rows.find((row) => row.criterionId === lived.id)).toMatchObject({ scores: [3, 3, 3], mean: 3, spread: 0, divergent: false });
    // The record keeps both entries.
    const record = await getVacancyRecord(await viewer(world.hr), vacancy.id);
    const peerSheet = record?.sheets.find((sheet) => sheet.user.name === world.peerWorker.name);
    expect(peerSheet?.scores.filter((entry) => entry.criterionId === lived.id).map((entry) => entry.score)).toEqual([0, 3]);
  });
});

describe('names at shortlisting', () => {
  const NAME = 'Philippa Quayle-Underhill';
  const EMAIL = 'philippa.quayle@example.test';
  const PHONE = '07700 900123';
  const IDENTIFYING = 'IDENTIFYING: I volunteered at Larkspur Lodge with the crisis team';
  const OPEN_ANSWER = 'NON-IDENTIFYING: I have used my recovery story in groups';
  const ADJUSTMENT = 'ADJUSTMENT: the questions in advance, please';

  it('keeps the name, contact details and identifying answers from the panel at shortlisting, and shows the name from the interview stage on', async () => {
    const setup = await vacancyWith({ status: 'SHORTLISTING', candidates: [] });
    // A candidate whose answers HR marked: one identifying, one not.
    const candidate = await createCandidate(setup.vacancy, world.hr, {
      name: NAME,
      email: EMAIL,
      adjustments: ADJUSTMENT,
      answers: { [setup.lived.id]: IDENTIFYING, [setup.practical.id]: OPEN_ANSWER },
      identifying: [setup.lived.id],
    });
    await db.panelMember.updateMany({ where: { vacancyId: setup.vacancy.id }, data: { conflictsDeclaredAt: new Date() } });
    const { vacancy } = setup;
    const members = [world.peerWorker, world.managerOfThisTeam, world.serviceUserRep];

    for (const member of members) {
      const person = await viewer(member);
      const view = await getCandidate(person, vacancy.id, candidate.id);
      expect(view).toMatchObject({ blocked: null, heading: 'Candidate 1', namesShown: false });
      const text = serialise(view) + serialise(await getVacancy(person, vacancy.id)) + serialise(await listVacancies(person, 1));
      for (const secret of [NAME, 'Philippa', 'Quayle', EMAIL, PHONE, IDENTIFYING, ADJUSTMENT]) expect({ member: member.name, secret, shown: text.includes(secret) }).toEqual({ member: member.name, secret, shown: false });
      expect(text).toContain(OPEN_ANSWER);
    }
    // HR sees the candidate in full.
    const hrText = serialise(await getCandidate(await viewer(world.hr), vacancy.id, candidate.id));
    for (const detail of [NAME, EMAIL, PHONE, IDENTIFYING, OPEN_ANSWER, ADJUSTMENT]) expect(hrText).toContain(detail);

    // From the interview stage the panel sees the name, the whole application and the adjustments; contact details stay HR's.
    await atInterview(vacancy.id, [candidate.id]);
    for (const member of members) {
      const person = await viewer(member);
      const view = await getCandidate(person, vacancy.id, candidate.id);
      expect(view).toMatchObject({ blocked: null, heading: NAME, namesShown: true });
      expect((await getVacancy(person, vacancy.id))?.candidates.map((row) => row.label)).toEqual([NAME]);
      const text = serialise(view);
      for (const detail of [NAME, IDENTIFYING, OPEN_ANSWER, ADJUSTMENT]) expect(text).toContain(detail);
      for (const secret of [EMAIL, PHONE]) expect(text).not.toContain(secret);
    }
  });

  it('lists the names for declarations apart from the applications: no candidate id and no number', async () => {
    const { vacancy, candidates } = await vacancyWith({ status: 'OPEN', candidates: [{ name: 'Zachary Ellsworth' }, { name: 'Beatrix Ambleside' }], panel: standardPanel().map((seat) => ({ ...seat, declared: false })) });
    const list = (await getConflicts(await viewer(world.peerWorker), vacancy.id))?.names;
    expect(list?.map((entry) => entry.name)).toEqual(['Beatrix Ambleside', 'Zachary Ellsworth']);
    for (const entry of list!) expect(Object.keys(entry).sort()).toEqual(['declaration', 'declarationKey', 'name']);
    const text = serialise(list);
    for (const candidate of candidates) expect(text).not.toContain(candidate.id);
    expect(text).not.toContain('Candidate 1');
    // Someone not on the panel gets no list.
    expect((await getConflicts(await viewer(world.hr), vacancy.id))?.names).toBeNull();
    // An outsider gets nothing at all.
    expect(await getConflicts(await viewer(world.staff), vacancy.id)).toBeNull();
  });
});

describe('the guaranteed interview scheme', () => {
  it('refuses "not invited" without a reason for an opted-in candidate who meets every essential shortlisting criterion', async () => {
    const { candidates, lived, practical } = await vacancyWith({
      status: 'SHORTLISTING',
      candidates: [{ guaranteedInterview: true }, { guaranteedInterview: true }, { guaranteedInterview: false }],
    });
    const [meets, missesEssential, notOptedIn] = candidates;
    const members = [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep];

    // Before every member has submitted, nobody shortlists.
    expect(await actingAs(world.hr, () => vacancies.shortlistCandidate(null, { candidateId: meets.id, outcome: 'INVITED' }))).toEqual({
      ok: false,
      code: 'CONFLICT',
      error: 'Every panel member must submit their shortlisting scores for this candidate first.',
    });
    for (const member of members) {
      await scoreCandidate(meets, member, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 0 });
      await scoreCandidate(missesEssential, member, 'SHORTLISTING', { [lived.id]: 1, [practical.id]: 4 });
      await scoreCandidate(notOptedIn, member, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 });
    }

    // Every "not invited" needs a reason, so the refusal is the same for everyone and does not tell the chair who opted in.
    expect(await actingAs(world.hr, () => vacancies.shortlistCandidate(null, { candidateId: meets.id, outcome: 'NOT_INVITED' }))).toEqual({
      ok: false,
      code: 'VALIDATION',
      error: expect.any(String),
      fieldErrors: { reason: ['Enter why they are not invited to interview'] },
    });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: meets.id }, select: { shortlistOutcome: true } })).toEqual({ shortlistOutcome: null });
    ok(await actingAs(world.hr, () => vacancies.shortlistCandidate(null, { candidateId: meets.id, outcome: 'NOT_INVITED', reason: 'They withdrew their application by phone' })));
    expect(await db.candidate.findUniqueOrThrow({ where: { id: meets.id }, select: { shortlistOutcome: true, shortlistReason: true } })).toEqual({
      shortlistOutcome: 'NOT_INVITED',
      shortlistReason: 'They withdrew their application by phone',
    });

    // The same for someone who missed an essential criterion or did not opt in; the chair may record it too.
    expect(await actingAs(world.managerOfThisTeam, () => vacancies.shortlistCandidate(null, { candidateId: missesEssential.id, outcome: 'NOT_INVITED' }))).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['Enter why they are not invited to interview'] },
    });
    ok(await actingAs(world.managerOfThisTeam, () => vacancies.shortlistCandidate(null, { candidateId: missesEssential.id, outcome: 'NOT_INVITED', reason: 'Below the threshold on lived experience' })));
    ok(await actingAs(world.hr, () => vacancies.shortlistCandidate(null, { candidateId: notOptedIn.id, outcome: 'NOT_INVITED', reason: 'Others met the criteria more fully' })));
    // A member who is not the chair may not.
    expect(await actingAs(world.peerWorker, () => vacancies.shortlistCandidate(null, { candidateId: notOptedIn.id, outcome: 'INVITED' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('the matrix, once every eligible member has submitted', () => {
  it('shows each member’s score, the mean, the weighted total, and flags criteria where members differ by 2 or more', async () => {
    const { vacancy, candidates, lived, values } = await vacancyWith({ status: 'SHORTLISTING' });
    const [candidate] = candidates;
    await atInterview(vacancy.id, [candidate.id]);
    ok(await score(world.managerOfThisTeam, candidate.id, 'INTERVIEW', { [lived.id]: 4, [values.id]: 2 }));
    ok(await score(world.peerWorker, candidate.id, 'INTERVIEW', { [lived.id]: 2, [values.id]: 2 }));
    expect(full(await getCandidate(await viewer(world.managerOfThisTeam), vacancy.id, candidate.id)).stages.INTERVIEW.matrix).toBeNull();
    ok(await score(world.serviceUserRep, candidate.id, 'INTERVIEW', { [lived.id]: 3, [values.id]: 3 }));

    for (const reader of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep, world.hr]) {
      const matrix = full(await getCandidate(await viewer(reader), vacancy.id, candidate.id)).stages.INTERVIEW.matrix;
      expect(matrix).toMatchObject({
        members: [world.managerOfThisTeam.id, world.peerWorker.id, world.serviceUserRep.id],
        memberNames: [world.managerOfThisTeam.name, world.peerWorker.name, world.serviceUserRep.name],
        rows: [
          { criterionId: lived.id, weight: 1, scores: [4, 2, 3], mean: 3, spread: 2, divergent: true, meets: true },
          { criterionId: values.id, weight: 2, scores: [2, 2, 3], mean: 2.33, spread: 1, divergent: false, meets: true },
        ],
        memberTotals: [8, 6, 9],
        weightedMaximum: 12,
        divergentCriteria: [lived.id],
        meetsEveryEssential: true,
      });
      expect(matrix?.weightedTotal).toBeCloseTo(7.66, 2);
    }

    // Everyone eligible, and HR who opened the vacancy, hear the scores are in: nothing but the vacancy and a link.
    const told = await db.notification.findMany({ where: { kind: 'SCORES_IN', path: { startsWith: vacancyPath(vacancy.id) } } });
    expect(told.map((row) => row.recipientId).sort()).toEqual([world.managerOfThisTeam.id, world.peerWorker.id, world.hr.id].sort());
    for (const row of told) expect(row).toMatchObject({ teamName: world.thisTeam.name, title: vacancy.title, path: `${vacancyPath(vacancy.id)}/candidates/${candidate.id}` });

    // Feedback for the candidate: the panel's scores per criterion, no panel member's name.
    const feedback = await getFeedback(await viewer(world.hr), vacancy.id, candidate.id);
    expect(feedback?.stages.map((stage) => stage.stage)).toEqual(['INTERVIEW']);
    const text = serialise(feedback);
    for (const member of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep]) expect(text).not.toContain(member.name);
  });
});

describe('decisions and the appointment', () => {
  /** A vacancy at interview with these candidates invited and every interview score in. */
  async function interviewed(scores: Array<{ lived: number; values: number; name?: string; email?: string }>, posts = 1) {
    const setup = await vacancyWith({ status: 'SHORTLISTING', candidates: scores.map(({ name, email }) => ({ name, email })), posts });
    await atInterview(setup.vacancy.id, setup.candidates.map((candidate) => candidate.id));
    for (const [index, candidate] of setup.candidates.entries()) {
      for (const member of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep]) {
        // Shortlisted on the essentials: what decides the essentials is the interview.
        await scoreCandidate(candidate, member, 'SHORTLISTING', { [setup.lived.id]: 3, [setup.practical.id]: 3 });
        await scoreCandidate(candidate, member, 'INTERVIEW', { [setup.lived.id]: scores[index].lived, [setup.values.id]: scores[index].values });
      }
    }
    return setup;
  }

  it('refuses to appoint someone who did not meet an essential criterion without a recorded justification', async () => {
    const { candidates } = await interviewed([{ lived: 1, values: 3 }]);
    const [candidate] = candidates;
    expect(await decide(world.hr, candidate.id, { outcome: 'APPOINTED' })).toEqual({
      ok: false,
      code: 'VALIDATION',
      error: expect.any(String),
      fieldErrors: { essentialJustification: ['This candidate did not meet every essential criterion: record why you are appointing them'] },
    });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { outcome: true } })).toEqual({ outcome: null });
    ok(await decide(world.managerOfThisTeam, candidate.id, { outcome: 'APPOINTED', essentialJustification: 'Their lived experience came through in the task, which the interview questions missed' }));
    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { outcome: true, essentialJustification: true, decidedById: true } })).toEqual({
      outcome: 'APPOINTED',
      essentialJustification: 'Their lived experience came through in the task, which the interview questions missed',
      decidedById: world.managerOfThisTeam.id,
    });
  });

  it('refuses more appointments than posts, and sets every candidate’s retention date when the vacancy is decided', async () => {
    const { vacancy, candidates } = await interviewed([
      { lived: 3, values: 3 },
      { lived: 3, values: 2 },
    ]);
    const notInvited = await createCandidate(vacancy, world.hr, {});
    await db.candidate.update({ where: { id: notInvited.id }, data: { shortlistOutcome: 'NOT_INVITED' } });
    const [first, second] = candidates;
    ok(await decide(world.hr, first.id, { outcome: 'APPOINTED' }));
    expect(await decide(world.hr, second.id, { outcome: 'APPOINTED' })).toEqual({
      ok: false,
      code: 'VALIDATION',
      error: expect.any(String),
      fieldErrors: { outcome: ['All 1 post has been filled: record this candidate as a reserve'] },
    });
    // The vacancy waits for a decision on everyone interviewed.
    expect(await move(vacancy.id)).toEqual({ ok: false, code: 'CONFLICT', error: 'Record a decision for Candidate 2 first.' });
    ok(await decide(world.hr, second.id, { outcome: 'RESERVE' }));

    expect(await db.candidate.count({ where: { vacancyId: vacancy.id, retainUntil: { not: null } } })).toBe(0);
    ok(await move(vacancy.id));
    const { decidedAt, status } = await db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id }, select: { decidedAt: true, status: true } });
    expect(status).toBe('DECIDED');
    const retained = await db.candidate.findMany({ where: { vacancyId: vacancy.id }, select: { retainUntil: true } });
    expect(retained).toHaveLength(3);
    // The default retention period: 6 months after the decision.
    for (const row of retained) expect(row.retainUntil?.toISOString().slice(0, 10)).toBe(retentionDate(decidedAt!, 6).toISOString().slice(0, 10));
  });

  it('hands an appointed candidate on: a new account with a set-password link, or the existing account with their email', async () => {
    const NEW_NAME = 'Imogen Threadgold';
    const NEW_EMAIL = 'imogen.threadgold@example.test';
    const { vacancy, version, candidates } = await interviewed(
      [
        { lived: 4, values: 4, name: NEW_NAME, email: NEW_EMAIL },
        { lived: 3, values: 3, name: world.newcomer.name, email: world.newcomer.email },
      ],
      2,
    );
    const [newcomerToPeerRoles, existingPerson] = candidates;
    // Not before the vacancy is decided, when decisions can still change.
    expect(await actingAs(world.hr, () => decisions.appointCandidate(null, { candidateId: newcomerToPeerRoles.id }))).toEqual({
      ok: false,
      code: 'CONFLICT',
      error: 'Hand an appointed candidate on once the vacancy is decided.',
    });
    for (const candidate of candidates) ok(await decide(world.hr, candidate.id, { outcome: 'APPOINTED' }));
    ok(await move(vacancy.id));

    const appointed = ok(await actingAs(world.hr, () => decisions.appointCandidate(null, { candidateId: newcomerToPeerRoles.id })));
    const account = await db.user.findUniqueOrThrow({ where: { email: NEW_EMAIL }, select: { id: true, name: true, orgRole: true, passwordHash: true } });
    expect(account).toEqual({ id: appointed.userId, name: NEW_NAME, orgRole: 'MEMBER', passwordHash: null });
    // The link goes to the new starter's own address, never back to HR.
    expect(appointed).not.toHaveProperty('invitationPath');
    expect(appointed.newAccount).toBe(true);
    const link = await db.notification.findMany({ where: { recipientId: account.id } });
    expect(link).toEqual([expect.objectContaining({ kind: 'PASSWORD_LINK', path: '/set-password', secretPath: expect.stringMatching(/^\/set-password\//u), teamName: null, title: null })]);
    expect(await db.appointment.findUniqueOrThrow({ where: { candidateId: newcomerToPeerRoles.id } })).toMatchObject({
      userId: account.id,
      vacancyId: vacancy.id,
      teamId: world.thisTeam.id,
      roleVersionId: version.id,
      placedAt: null,
      createdById: world.hr.id,
    });

    const users = await db.user.count();
    const linked = ok(await actingAs(world.hr, () => decisions.appointCandidate(null, { candidateId: existingPerson.id })));
    expect(linked).toMatchObject({ userId: world.newcomer.id, newAccount: false });
    expect(await db.user.count()).toBe(users);
    expect(await db.notification.count({ where: { recipientId: world.newcomer.id, kind: 'PASSWORD_LINK' } })).toBe(0);
    expect((await pendingPlacements(db, [world.thisTeam.id])).filter((placement) => placement.vacancy.id === vacancy.id).map((placement) => placement.user.id).sort()).toEqual(
      [account.id, world.newcomer.id].sort(),
    );
    // Once.
    expect(await actingAs(world.hr, () => decisions.appointCandidate(null, { candidateId: existingPerson.id }))).toEqual({
      ok: false,
      code: 'CONFLICT',
      error: 'This candidate has already been handed on to onboarding.',
    });
  });
});

describe('a vacancy from start to appointment, through the actions', () => {
  it('runs every step and writes no candidate’s name or email into the audit log or a notification', async () => {
    const people = [
      { name: 'Cressida Vantongeren', email: 'cressida.vantongeren@example.test' },
      { name: 'Lysander Oakenshaw', email: 'lysander.oakenshaw@example.test' },
    ];
    const { role } = await agreedRole(world);
    const { specificationId } = ok(await actingAs(world.hr, () => specifications.createSpecification(null, { roleId: role.id, title: 'Peer support worker, community team' })));
    const criteria = await db.criterion.findMany({ where: { specificationId }, orderBy: { position: 'asc' }, select: { id: true, assessedBy: true } });
    const { vacancyId } = ok(await openVacancy(specificationId, { title: 'Peer Support Worker (community)' }));
    for (const [person, seat] of [
      [world.managerOfThisTeam, 'CHAIR'],
      [world.peerWorker, 'MEMBER'],
      [world.serviceUserRep, 'MEMBER'],
    ] as const) {
      ok(await actingAs(world.hr, () => vacancies.addPanelMember(null, { vacancyId, email: person.email, role: seat, stages: ['SHORTLISTING', 'INTERVIEW'] })));
    }
    ok(await move(vacancyId));
    const candidateIds: string[] = [];
    for (const person of people) {
      const answers = Object.fromEntries(criteria.filter((criterion) => criterion.assessedBy.includes('APPLICATION')).map((criterion) => [criterion.id, `${person.name} wrote about their recovery`]));
      const { candidateId } = ok(
        await actingAs(world.hr, () =>
          vacancies.addCandidate(null, { vacancyId, ...person, phone: '07700 900456', adjustments: 'Questions in advance', guaranteedInterview: 'yes', answers, identifying: [] }),
        ),
      );
      candidateIds.push(candidateId);
    }
    ok(await actingAs(world.hr, () => vacancies.releasePack(null, { candidateId: candidateIds[0] })));
    const members = [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep];
    for (const member of members) ok(await actingAs(member, () => panel.confirmDeclarations(null, { vacancyId })));
    ok(await move(vacancyId));

    const allScores = (stage: ScoringStage, value: number) =>
      Object.fromEntries(criteria.filter((criterion) => criterion.assessedBy.some((method) => (stage === 'SHORTLISTING' ? method === 'APPLICATION' : method !== 'APPLICATION'))).map((criterion) => [criterion.id, value]));
    for (const candidateId of candidateIds) for (const member of members) ok(await score(member, candidateId, 'SHORTLISTING', allScores('SHORTLISTING', 3)));
    for (const candidateId of candidateIds) ok(await actingAs(world.managerOfThisTeam, () => vacancies.shortlistCandidate(null, { candidateId, outcome: 'INVITED' })));
    ok(await move(vacancyId));
    for (const [index, candidateId] of candidateIds.entries()) for (const member of members) ok(await score(member, candidateId, 'INTERVIEW', allScores('INTERVIEW', 3 - index)));
    ok(await actingAs(world.peerWorker, () => panel.addModerationNote(null, { candidateId: candidateIds[0], stage: 'INTERVIEW', text: 'We agreed the scores stand' })));
    ok(await decide(world.managerOfThisTeam, candidateIds[0], { outcome: 'APPOINTED' }));
    ok(await decide(world.managerOfThisTeam, candidateIds[1], { outcome: 'NOT_APPOINTED', rationale: 'Met the criteria; another candidate scored higher on values' }));
    ok(await move(vacancyId));
    ok(await actingAs(world.hr, () => decisions.appointCandidate(null, { candidateId: candidateIds[0] })));
    expect(await statusOf(vacancyId)).toBe('DECIDED');

    const actions = await db.auditEvent.findMany({ where: { OR: [{ recordId: vacancyId }, { recordId: { in: candidateIds } }] }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(new Set(actions.map((event) => event.action))).toEqual(
      new Set([
        'recruitment.vacancy.open',
        'recruitment.panel.add',
        'recruitment.vacancy.move',
        'recruitment.candidate.add',
        'recruitment.candidate.pack.release',
        'recruitment.conflicts.confirm',
        'recruitment.scores.save',
        'recruitment.candidate.shortlist',
        'recruitment.moderation.add',
        'recruitment.candidate.decide',
        'recruitment.candidate.appoint',
      ]),
    );
    const kinds = await db.notification.findMany({ where: { path: { startsWith: vacancyPath(vacancyId) } }, select: { kind: true } });
    expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set(['PANEL_ADDED', 'SCORING_OPEN', 'SCORES_IN', 'DECISION_RECORDED']));

    // Every candidate this file made, searched for in every audit event and every notification.
    const everyone = await db.candidate.findMany({ where: { purgedAt: null }, select: { name: true, email: true } });
    const secrets = everyone.flatMap((candidate) => [candidate.name, candidate.email]).filter((value): value is string => Boolean(value));
    expect(secrets).toEqual(expect.arrayContaining([people[0].name, people[1].email]));
    const audit = await db.$queryRaw<Array<{ row: string }>>`SELECT a::text AS "row" FROM "AuditEvent" a`;
    const notifications = await db.$queryRaw<Array<{ row: string }>>`SELECT n::text AS "row" FROM "Notification" n`;
    const leaks = [...audit, ...notifications].flatMap(({ row }) => secrets.filter((secret) => row.toLowerCase().includes(secret.toLowerCase())).map((secret) => `${secret} in ${row}`));
    expect(leaks).toEqual([]);
  });
});

describe('the panel composition rule is the organisation’s', () => {
  it('follows an administrator’s change to the number of scorers', async () => {
    const { vacancy } = await vacancyWith({ status: 'OPEN', panel: [{ user: world.managerOfThisTeam, role: 'CHAIR' }, { user: world.peerWorker }] });
    const rules = { minScorers: 3, minLivedExperience: 1, minHrOrManager: 1, retentionMonths: 6 };
    const saveRules = async (as: Ref, chosen: typeof rules) => {
      const version = (await db.recruitmentSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version;
      return actingAs(as, () => settings.updateRecruitmentSettings(null, { ...chosen, version }));
    };

    expect(await saveRules(world.hr, rules)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    ok(await saveRules(world.admin, rules));
    try {
      expect(await move(vacancy.id)).toEqual({ ok: false, code: 'CONFLICT', error: 'The panel does not meet the composition rule yet: The shortlisting panel needs at least 3 scorers.' });
      expect((await getVacancy(await viewer(world.hr), vacancy.id))?.problems.SHORTLISTING).toEqual(['The shortlisting panel needs at least 3 scorers']);
      ok(await actingAs(world.hr, () => vacancies.addPanelMember(null, { vacancyId: vacancy.id, email: world.serviceUserRep.email, role: 'MEMBER', stages: ['SHORTLISTING', 'INTERVIEW'] })));
      expect(await move(vacancy.id)).toMatchObject({ ok: true, data: { status: 'SHORTLISTING' } });
    } finally {
      ok(await saveRules(world.admin, { ...rules, minScorers: 2 }));
    }
    const { vacancy: another } = await vacancyWith({ status: 'OPEN', panel: [{ user: world.managerOfThisTeam, role: 'CHAIR' }, { user: world.peerWorker }] });
    expect(await move(another.id)).toMatchObject({ ok: true });
  });
});

describe('what an attacker tried (review of 2026-12-06)', () => {
  it('shows a panel member no candidate rows before shortlisting, so declaring and withdrawing cannot match names to numbers', async () => {
    const { vacancy } = await vacancyWith({ status: 'OPEN', candidates: [{ name: 'Zoe Zebra' }, { name: 'Amy Aardvark' }], panel: standardPanel().map((seat) => ({ ...seat, declared: false })) });
    const asPeer = await getVacancy(await viewer(world.peerWorker), vacancy.id);
    expect(asPeer?.candidates).toEqual([]);
    expect(asPeer?.counts.total).toBe(2);
    const [first] = (await getConflicts(await viewer(world.peerWorker), vacancy.id))!.names!;
    ok(await actingAs(world.peerWorker, () => panel.declareConflict(null, { vacancyId: vacancy.id, declarationKey: first.declarationKey, kind: 'KNOWS_THEM' })));
    expect((await getVacancy(await viewer(world.peerWorker), vacancy.id))?.candidates).toEqual([]);
    // At shortlisting, before confirming, still no rows; after confirming, no new declaration can probe them.
    ok(await move(vacancy.id));
    expect((await getVacancy(await viewer(world.peerWorker), vacancy.id))?.candidates).toEqual([]);
    ok(await actingAs(world.peerWorker, () => panel.confirmDeclarations(null, { vacancyId: vacancy.id })));
    expect((await getVacancy(await viewer(world.peerWorker), vacancy.id))?.candidates).toHaveLength(2);
    const [, second] = (await getConflicts(await viewer(world.peerWorker), vacancy.id))!.names!;
    expect(await actingAs(world.peerWorker, () => panel.declareConflict(null, { vacancyId: vacancy.id, declarationKey: second.declarationKey, kind: 'KNOWS_THEM' }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await actingAs(world.peerWorker, () => panel.withdrawConflict(null, { vacancyId: vacancy.id, declarationKey: first.declarationKey }))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('keeps the panel for a stage fixed once scores are in: nobody added to hide them, nobody removed to open the matrix early', async () => {
    const { vacancy, candidates, lived, practical } = await vacancyWith({ panel: [...standardPanel(), { user: world.staff }] });
    const [candidate] = candidates;
    for (const member of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep]) ok(await score(member, candidate.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 2 }));
    const staffSeat = await db.panelMember.findFirstOrThrow({ where: { vacancyId: vacancy.id, userId: world.staff.id } });
    expect(await actingAs(world.hr, () => vacancies.removePanelMember(null, { panelMemberId: staffSeat.id }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await getCandidate(await viewer(world.hr), vacancy.id, candidate.id)) && full(await getCandidate(await viewer(world.hr), vacancy.id, candidate.id)).stages.SHORTLISTING.matrix).toBeNull();
    expect(await actingAs(world.hr, () => vacancies.addPanelMember(null, { vacancyId: vacancy.id, email: world.newcomer.email, role: 'MEMBER', stages: ['SHORTLISTING'] }))).toMatchObject({
      ok: false,
      fieldErrors: { stages: ['Panel members have already submitted scores at this stage, so the panel for it can no longer change'] },
    });
    // At interview, nobody joins the finished shortlisting panel.
    await atInterview(vacancy.id, [candidate.id]);
    expect(await actingAs(world.hr, () => vacancies.addPanelMember(null, { vacancyId: vacancy.id, email: world.newcomer.email, role: 'MEMBER', stages: ['SHORTLISTING', 'INTERVIEW'] }))).toMatchObject({
      ok: false,
      fieldErrors: { stages: ['Shortlisting has finished: add them to the interview panel only'] },
    });
  });

  it('keeps submitted scores in the matrix when a member declares a conflict afterwards', async () => {
    const { vacancy, candidates, lived, practical } = await vacancyWith({ status: 'INTERVIEWING' });
    const [candidate] = candidates;
    await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'INVITED' } });
    await db.vacancy.update({ where: { id: vacancy.id }, data: { status: 'SHORTLISTING' } });
    ok(await score(world.managerOfThisTeam, candidate.id, 'SHORTLISTING', { [lived.id]: 1, [practical.id]: 2 }));
    await db.vacancy.update({ where: { id: vacancy.id }, data: { status: 'INTERVIEWING' } });
    const key = (await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { declarationKey: true } })).declarationKey;
    expect(await actingAs(world.managerOfThisTeam, () => panel.declareConflict(null, { vacancyId: vacancy.id, declarationKey: key, kind: 'RELATED' }))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      error: 'You have already submitted scores for this candidate: tell the chair about this conflict of interest.',
    });
  });

  it('refuses a chair with a declared conflict the shortlisting decision and the final decision about that candidate', async () => {
    const { vacancy, candidates, lived, practical } = await vacancyWith();
    const [candidate] = candidates;
    await db.conflictDeclaration.create({ data: { vacancyId: vacancy.id, candidateId: candidate.id, userId: world.managerOfThisTeam.id, kind: 'RELATED' } });
    for (const member of [world.peerWorker, world.serviceUserRep]) ok(await score(member, candidate.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 }));
    expect(await actingAs(world.managerOfThisTeam, () => vacancies.shortlistCandidate(null, { candidateId: candidate.id, outcome: 'INVITED' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { shortlistOutcome: true } })).toEqual({ shortlistOutcome: null });
    ok(await actingAs(world.hr, () => vacancies.shortlistCandidate(null, { candidateId: candidate.id, outcome: 'INVITED' })));
    await atInterview(vacancy.id, [candidate.id]);
    expect(await decide(world.managerOfThisTeam, candidate.id, { outcome: 'APPOINTED' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('hands on only once the vacancy is decided, and corrects scores only while their stage is under way', async () => {
    const { vacancy, candidates, lived, practical, values } = await vacancyWith();
    const [candidate] = candidates;
    for (const member of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep]) ok(await score(member, candidate.id, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 }));
    const mine = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: candidate.id, userId: world.peerWorker.id }, criterionId: lived.id } });
    await atInterview(vacancy.id, [candidate.id]);
    expect(await actingAs(world.peerWorker, () => panel.correctScore(null, { scoreId: mine.id, score: 0, reason: 'Changed my mind after the interview' }))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      error: 'Shortlisting has finished, so its scores can no longer be corrected.',
    });
    for (const member of [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep]) ok(await score(member, candidate.id, 'INTERVIEW', { [lived.id]: 3, [values.id]: 3 }));
    ok(await decide(world.hr, candidate.id, { outcome: 'APPOINTED' }));
    expect(await actingAs(world.hr, () => decisions.appointCandidate(null, { candidateId: candidate.id }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.appointment.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  it('keeps a submitted sheet submitted in the database, and lets the purge replace a correction’s reason and nothing else', async () => {
    const { candidates, lived } = await vacancyWith();
    const sheet = await scoreCandidate(candidates[0], world.peerWorker, 'SHORTLISTING', { [lived.id]: 3 });
    await expect(db.scoreSheet.update({ where: { id: sheet.id }, data: { submittedAt: null } })).rejects.toThrow(/cannot be reopened/u);
    await expect(db.scoreSheet.delete({ where: { id: sheet.id } })).rejects.toThrow(/cannot be deleted/u);
    const original = await db.score.findFirstOrThrow({ where: { sheetId: sheet.id } });
    const correction = await db.score.create({ data: { sheetId: sheet.id, criterionId: lived.id, score: 2, correctsId: original.id, reason: 'About the candidate’s answer' } });
    await expect(db.score.update({ where: { id: correction.id }, data: { reason: 'Something else' } })).rejects.toThrow(/cannot be changed/u);
    await db.score.update({ where: { id: correction.id }, data: { reason: PURGED_REASON } });
    expect((await db.score.findUniqueOrThrow({ where: { id: correction.id } })).reason).toBe(PURGED_REASON);
  });
});
