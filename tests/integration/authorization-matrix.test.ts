// Every server action, called by every kind of person, against the permission
// table. The table below is written out by hand from lib/permissions.ts on
// purpose: changing who may do something must change this file too. An action
// that is not in the table, or a table entry with no action, fails the test.
// An action whose refusal depends on the record (a team's own activity or an
// organisation-wide one) lists each case as a scenario.
import { DEFAULT_THRESHOLDS, INDICATOR_KEYS } from '@/lib/dashboards/signals';
import { db } from '@/lib/db';
import type { VacancyStatus } from '@/lib/generated/prisma/enums';
import { currentTemplate } from '@/lib/roles/template';
import {
  activityCatalogue,
  addPanelMember,
  agreedRole,
  answersFor,
  buildWorld,
  CALLERS,
  callerUser,
  changeFormFor,
  createActivity,
  createAgreement,
  createArrangement,
  createCandidate,
  createCheck,
  createConcern,
  createInvitation,
  createLibraryEntry,
  createMeeting,
  createRole,
  createSession,
  createSessionAction,
  createSpecification,
  createTemplate,
  createVacancy,
  grantSystem,
  hashOfTestPassword,
  placedPeerWorker,
  roleInReview,
  scoreCandidate,
  SMALL_TEMPLATE_TASKS,
  TEST_PASSWORD,
  type Caller,
  type FactoryUser,
  type World,
} from '../factories';
import { discoverActions } from '../support/actions';
import { createFailedJob } from '../support/jobs';
import { signInAs } from '../support/session';
import { snapshotDatabase } from '../support/snapshot';

const NEW_PASSWORD = 'a brand new passphrase for the matrix';

const EVERYONE_SIGNED_IN: Caller[] = ['admin', 'hr', 'managerOfThisTeam', 'managerOfOtherTeam', 'staff', 'peerWorker', 'serviceUserRep'];
const ADMIN_ONLY: Caller[] = ['admin'];
/** Who may draft this team's roles: an administrator and the team's own manager. */
const THIS_TEAM_DRAFTERS: Caller[] = ['admin', 'managerOfThisTeam'];
/**
 * roleInReview() invites the team's non-peer staff member and the service-user
 * representative (from outside the team). Nobody else is a reviewer: not the
 * peer worker of the same team, not the manager, not even an administrator.
 */
const INVITED_REVIEWERS: Caller[] = ['staff', 'serviceUserRep'];

const newRole = (world: World) => createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });

/** Recruitment is HR's: opening and moving vacancies, the panel, candidates, the hand-off. */
const HR_ONLY: Caller[] = ['hr'];
/** Who builds person specifications for this team: HR and the team's own manager (not an administrator). */
const SPECIFICATION_AUTHORS: Caller[] = ['hr', 'managerOfThisTeam'];
/**
 * The panel recruitmentFixture() forms: the staff member chairs, the peer worker
 * and the representative sit on it. Nobody else is on it: not HR, not the team's
 * manager, not an administrator. The panel's own actions are theirs alone.
 */
const PANEL: Caller[] = ['staff', 'peerWorker', 'serviceUserRep'];
/** Shortlisting and decisions: HR, and the panel's chair (the staff member). */
const HR_AND_CHAIR: Caller[] = ['hr', 'staff'];

/**
 * A vacancy of this team at `status`, on a freshly agreed role, with one
 * candidate (who answered the application criteria) and then its panel, whose
 * declarations are therefore current.
 */
async function recruitmentFixture(world: World, status: VacancyStatus) {
  const { version } = await agreedRole(world);
  const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
  const vacancy = await createVacancy({ specification, createdBy: world.hr, status });
  const candidate = await createCandidate(vacancy, world.hr);
  const chair = await addPanelMember(vacancy, world.staff, { role: 'CHAIR' });
  const peerWorker = await addPanelMember(vacancy, world.peerWorker);
  const serviceUserRep = await addPanelMember(vacancy, world.serviceUserRep);
  const [lived, values, practical] = specification.criteria;
  const panel = [world.staff, world.peerWorker, world.serviceUserRep];
  return { specification, vacancy, candidate, seats: { chair, peerWorker, serviceUserRep }, panel, lived, values, practical };
}

/** Every panel member has submitted their scores for the candidate at this stage. */
async function everyoneScored(fixture: Awaited<ReturnType<typeof recruitmentFixture>>, stage: 'SHORTLISTING' | 'INTERVIEW') {
  const criteria = stage === 'SHORTLISTING' ? [fixture.lived, fixture.practical] : [fixture.lived, fixture.values];
  for (const member of fixture.panel) await scoreCandidate(fixture.candidate, member, stage, Object.fromEntries(criteria.map((criterion) => [criterion.id, 3])));
}

/** Onboarding: placements, plans, meetings and systems are run by the team's own manager. */
const THIS_TEAM_MANAGER: Caller[] = ['managerOfThisTeam'];

/** The start-placement form's arrangements, with no person, role, appointment or template chosen yet. */
const placementForm = (world: World) => ({
  appointmentId: '',
  personEmail: '',
  roleId: '',
  templateId: '',
  startDate: { day: '4', month: '1', year: '2027' },
  contractType: 'PERMANENT',
  band: '4',
  hoursPerWeek: '22.5',
  workingDays: ['MON', 'TUE', 'THU'],
  lineManagerEmail: world.managerOfThisTeam.email,
  peerSupervisorEmail: '',
});

/**
 * Supervision: the peer worker placed in this team (line-managed by its
 * manager), with an agreement in which the staff member gives them peer
 * supervision. The two parties to its sessions are the peer worker and the staff member.
 */
async function supervisionFixture(world: World) {
  const { placement } = await placedPeerWorker(world, { lineManager: world.managerOfThisTeam });
  const agreement = await createAgreement(placement, world.managerOfThisTeam);
  const arrangement = await createArrangement(agreement, world.staff, { type: 'PEER' });
  return { placement, agreement, arrangement };
}
const SESSION_PARTIES: Caller[] = ['peerWorker', 'staff'];
const SESSION_FIELDS = { heldOn: { day: '20', month: '11', year: '2026' }, durationMinutes: '60', attendees: '', topics: ['role-clarity'], notes: 'What we talked about' };

const DESCRIPTORS = { 0: 'No evidence', 1: 'Some evidence', 2: 'Meets the criterion', 3: 'Good evidence', 4: 'Strong evidence' };

/** Every early-warning threshold as the settings form posts it (text): the defaults. */
const dashboardThresholds = () => Object.fromEntries(INDICATOR_KEYS.map((key) => [key, { amber: String(DEFAULT_THRESHOLDS[key].amber), red: String(DEFAULT_THRESHOLDS[key].red) }]));

/** A draft import of one new person, uploaded by the caller (or an administrator when signed out): only its uploader may go on with it. */
const draftImport = (world: World, caller: FactoryUser | null) =>
  db.peopleImport.create({
    data: { createdById: (caller ?? world.admin).id, fileName: 'staff.csv', cells: [['Name', 'Email'], ['Matrix Draft', `matrix-draft-${world.suffix}@peerroles.test`]], mapping: { name: 0, email: 1, jobTitle: null, team: null, teamRole: null, orgRole: null } },
    select: { id: true, version: true },
  });

interface MatrixEntry {
  /** Who may call it; everyone else is refused. */
  allowed: readonly Caller[];
  /** A valid input for this world. May prepare the world first (that is not part of what is checked). */
  input: (world: World, caller: FactoryUser | null) => unknown | Promise<unknown>;
  /** Audit events the action writes besides its own: an import audits each person it adds. */
  alsoAudited?: number;
}

const MATRIX: Record<string, MatrixEntry | { scenarios: Record<string, MatrixEntry> }> = {
  'team.create': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ name: `Matrix New Team ${world.suffix}`, serviceType: 'PERINATAL', description: 'Created by the matrix' }),
  },
  'team.update': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, version: world.thisTeam.version, name: `${world.thisTeam.name} renamed`, serviceType: 'RECOVERY_COLLEGE' }),
  },
  'team.archive': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, version: world.thisTeam.version }),
  },
  'team.restore': {
    allowed: ADMIN_ONLY,
    input: async (world) => {
      await db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
      return { teamId: world.thisTeam.id, version: world.thisTeam.version + 1 };
    },
  },
  'team.member.add': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, userId: world.newcomer.id, role: 'PEER_WORKER' }),
  },
  'team.member.remove': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, membershipId: world.memberships.peerWorker.id }),
  },
  'person.create': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ name: 'Matrix Newcomer', email: `matrix-created-${world.suffix}@peerroles.test`, jobTitle: 'Support worker', orgRole: 'ADMIN' }),
  },
  'person.update': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.staff.id, version: world.staff.version, name: 'Renamed By Matrix', email: world.staff.email, jobTitle: 'Ward manager', orgRole: 'ADMIN' }),
  },
  'person.disable': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.staff.id, version: world.staff.version }),
  },
  'person.enable': {
    allowed: ADMIN_ONLY,
    input: async (world) => {
      await db.user.update({ where: { id: world.newcomer.id }, data: { disabledAt: new Date(), version: { increment: 1 } } });
      return { userId: world.newcomer.id, version: world.newcomer.version + 1 };
    },
  },
  'person.invite': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.newcomer.id }),
  },
  'person.signIn.unlock': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.newcomer.id }),
  },
  'person.sessions.end': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.newcomer.id }),
  },
  'account.sessions.end': {
    allowed: EVERYONE_SIGNED_IN,
    input: () => ({}),
  },
  'account.name.update': {
    allowed: EVERYONE_SIGNED_IN,
    input: (_world, caller) => ({ name: 'My New Name', version: caller?.version ?? 1 }),
  },
  'account.password.change': {
    allowed: EVERYONE_SIGNED_IN,
    input: () => ({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  },
  // The one-time link is the credential: whoever holds it may use it, signed in or not.
  'account.password.set': {
    allowed: CALLERS,
    input: async (world) => {
      const { token } = await createInvitation(world.newcomer, { createdBy: world.admin });
      return { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    },
  },
  'account.notifications.update': {
    allowed: EVERYONE_SIGNED_IN,
    input: () => ({ delivery: 'DAILY_DIGEST', emailed: ['REVIEW_REQUESTED', 'REMINDER'] }),
  },
  'notifications.settings.update': {
    allowed: ADMIN_ONLY,
    input: async () => ({ reminderWorkingDays: 5, version: (await db.notificationSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? 1 }),
  },
  // A real failed pg-boss job (the schema is created on first use).
  'people.import.upload': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ file: new File([`Name,Email\r\nMatrix Import,matrix-import-${world.suffix}@peerroles.test\r\n`], 'staff.csv', { type: 'text/csv' }) }),
  },
  'people.import.columns': {
    allowed: ADMIN_ONLY,
    input: async (world, caller) => {
      const draft = await draftImport(world, caller);
      return { importId: draft.id, version: String(draft.version), name: '0', email: '1', jobTitle: '', team: '', teamRole: '', orgRole: '' };
    },
  },
  'people.import.confirm': {
    allowed: ADMIN_ONLY,
    input: async (world, caller) => {
      const draft = await draftImport(world, caller);
      // One person to add; the expected counts include everyone active missing from the file.
      const missing = await db.user.count({ where: { disabledAt: null } });
      return { importId: draft.id, version: String(draft.version), expected: `1-0-0-0-${missing}` };
    },
    // The person added, beside the confirmation.
    alsoAudited: 1,
  },
  'job.retry': {
    allowed: ADMIN_ONLY,
    input: async (world) => {
      const notification = await db.notification.create({ data: { kind: 'VERSION_AGREED', recipientId: world.managerOfThisTeam.id, path: '/requests', emailState: 'SENDING' }, select: { id: true } });
      return { jobId: await createFailedJob(notification.id) };
    },
  },
  'role.create': {
    allowed: THIS_TEAM_DRAFTERS,
    input: (world) => ({ teamId: world.thisTeam.id, title: 'Peer support worker' }),
  },
  'role.draft.save': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      return { roleId: role.id, draftVersion: role.draftVersion, section: 'purpose', value: { text: 'To offer peer support drawing on lived experience.' } };
    },
  },
  'role.submit': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      return { roleId: role.id, draftVersion: role.draftVersion };
    },
  },
  'role.reviewers.invite': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const { version } = await roleInReview(world);
      return { versionId: version.id, userIds: [world.peerWorker.id, world.hr.id] };
    },
  },
  'role.version.agree': {
    allowed: INVITED_REVIEWERS,
    input: async (world) => ({ versionId: (await roleInReview(world)).version.id }),
  },
  'role.concern.raise': {
    allowed: INVITED_REVIEWERS,
    input: async (world) => ({ versionId: (await roleInReview(world)).version.id, section: 'working', comment: 'Peer workers should have the same access to the records system.' }),
  },
  // Reviewers of the version, and whoever manages the team's roles.
  'role.concern.reply': {
    allowed: ['admin', 'managerOfThisTeam', ...INVITED_REVIEWERS],
    input: async (world) => {
      const { version } = await roleInReview(world);
      const concern = await createConcern(version, world.staff);
      return { concernId: concern.id, body: 'Thank you: we will change this in the next version.' };
    },
  },
  // The concern is the staff member's own; the manager and an administrator may resolve it with a reason.
  // The representative reviews the same version but did not raise it.
  'role.concern.resolve': {
    allowed: ['admin', 'managerOfThisTeam', 'staff'],
    input: async (world) => {
      const { version } = await roleInReview(world);
      const concern = await createConcern(version, world.staff);
      return { concernId: concern.id, reason: 'Changed in the draft for the next version.' };
    },
  },
  'role.expectations.send': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      return { roleId: role.id, userIds: [world.staff.id, world.peerWorker.id, world.serviceUserRep.id, world.hr.id] };
    },
  },
  // Only the people the check was sent to: here the manager, the peer worker, HR and the representative, not the staff member.
  'role.expectations.answer': {
    allowed: ['managerOfThisTeam', 'peerWorker', 'hr', 'serviceUserRep'],
    input: async (world) => {
      const role = await newRole(world);
      const check = await createCheck(role, world.managerOfThisTeam, [world.managerOfThisTeam, world.peerWorker, world.hr, world.serviceUserRep].map((user) => ({ user })));
      return { checkId: check.id, answers: answersFor(await activityCatalogue(world.thisTeam), { default: 'SOMETIMES' }) };
    },
  },
  // Closing a check is for whoever drafts the team's roles, not for the people it was sent to (here the peer worker, HR and the representative).
  'role.expectations.close': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      const check = await createCheck(role, world.managerOfThisTeam, [
        { user: world.peerWorker, answers: { default: 'CORE' } },
        { user: world.hr, answers: { default: 'SOMETIMES' } },
        { user: world.serviceUserRep },
      ]);
      return { checkId: check.id };
    },
  },
  'role.contested.resolve': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      const check = await createCheck(role, world.managerOfThisTeam, [
        { user: world.peerWorker, answers: { default: 'SOMETIMES', byName: { 'Writing in clinical records': 'CORE' } } },
        { user: world.staff, answers: { default: 'SOMETIMES', byName: { 'Writing in clinical records': 'NOT_PART' } } },
      ]);
      const activity = check.catalogue.find((entry) => entry.name === 'Writing in clinical records')!;
      return { checkId: check.id, activityId: activity.id, outcome: 'INCLUDED', section: 'responsibilities', note: 'Peer workers record their contacts in the clinical record.' };
    },
  },
  'role.template.update': {
    allowed: ADMIN_ONLY,
    input: async () => {
      const template = await currentTemplate();
      return {
        version: template.version,
        purpose: 'To offer peer support to people using the service.',
        training: 'Peer support training.',
        progression: 'Senior peer support worker.',
        valueOptions: template.valueOptions.join('\n'),
        notPartOptions: template.notPartOptions.join('\n'),
      };
    },
  },
  'activity.create': {
    scenarios: {
      "a team's own activity": {
        allowed: THIS_TEAM_DRAFTERS,
        input: (world) => ({ teamId: world.thisTeam.id, name: `Matrix team activity ${world.suffix}`, description: 'Added by the matrix' }),
      },
      'an organisation-wide activity': {
        allowed: ADMIN_ONLY,
        input: (world) => ({ teamId: '', name: `Matrix organisation activity ${world.suffix}` }),
      },
    },
  },
  'activity.archive': {
    scenarios: {
      "a team's own activity": {
        allowed: THIS_TEAM_DRAFTERS,
        input: async (world) => ({ activityId: (await createActivity({ team: world.thisTeam })).id }),
      },
      'an organisation-wide activity': {
        allowed: ADMIN_ONLY,
        input: async () => ({ activityId: (await createActivity()).id }),
      },
    },
  },
  'team.policy.update': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, version: world.thisTeam.version, minimums: { MANAGER: 1, STAFF: 2, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 1, PEER_OR_REP: 1 } }),
  },
  // ---- Recruitment ----
  'recruitment.specification.create': {
    allowed: SPECIFICATION_AUTHORS,
    input: async (world) => ({ roleId: (await agreedRole(world)).role.id, title: 'Peer support worker' }),
  },
  'recruitment.criterion.save': {
    allowed: SPECIFICATION_AUTHORS,
    input: async (world) => {
      const { version } = await agreedRole(world);
      const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
      return {
        specificationId: specification.id,
        version: specification.version,
        category: 'SKILLS_KNOWLEDGE',
        wording: 'Understands what recovery means to different people',
        essential: 'no',
        assessedBy: ['INTERVIEW', 'TASK'],
        weight: 2,
        descriptors: DESCRIPTORS,
        questions: 'What do you understand by recovery?',
      };
    },
  },
  'recruitment.criterion.remove': {
    allowed: SPECIFICATION_AUTHORS,
    input: async (world) => {
      const { version } = await agreedRole(world);
      const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
      return { criterionId: specification.criteria[2].id, version: specification.version };
    },
  },
  'recruitment.vacancy.open': {
    allowed: HR_ONLY,
    input: async (world) => {
      const { version } = await agreedRole(world);
      const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
      return { specificationId: specification.id, title: 'Peer Support Worker', posts: 2, closingDate: { day: '31', month: '1', year: String(new Date().getUTCFullYear() + 1) }, reach: 'OPEN_ADVERT' };
    },
  },
  'recruitment.vacancy.move': {
    allowed: HR_ONLY,
    input: async (world) => {
      const { vacancy } = await recruitmentFixture(world, 'DRAFT');
      return { vacancyId: vacancy.id, version: vacancy.version };
    },
  },
  'recruitment.panel.add': {
    allowed: HR_ONLY,
    input: async (world) => ({ vacancyId: (await recruitmentFixture(world, 'DRAFT')).vacancy.id, email: world.managerOfThisTeam.email, role: 'MEMBER', stages: ['INTERVIEW'] }),
  },
  'recruitment.panel.remove': {
    allowed: HR_ONLY,
    input: async (world) => ({ panelMemberId: (await recruitmentFixture(world, 'DRAFT')).seats.peerWorker.id }),
  },
  'recruitment.candidate.add': {
    allowed: HR_ONLY,
    input: async (world) => {
      const { vacancy, lived } = await recruitmentFixture(world, 'OPEN');
      return { vacancyId: vacancy.id, name: 'Matrix Candidate', email: `matrix-candidate-${world.suffix}@example.test`, guaranteedInterview: 'yes', answers: { [lived.id]: 'My own recovery' }, identifying: [] };
    },
  },
  'recruitment.candidate.pack.release': {
    allowed: HR_ONLY,
    input: async (world) => ({ candidateId: (await recruitmentFixture(world, 'OPEN')).candidate.id }),
  },
  'recruitment.candidate.shortlist': {
    allowed: HR_AND_CHAIR,
    input: async (world) => {
      const fixture = await recruitmentFixture(world, 'SHORTLISTING');
      await everyoneScored(fixture, 'SHORTLISTING');
      return { candidateId: fixture.candidate.id, outcome: 'INVITED' };
    },
  },
  'recruitment.candidate.decide': {
    allowed: HR_AND_CHAIR,
    input: async (world) => {
      const fixture = await recruitmentFixture(world, 'INTERVIEWING');
      await db.candidate.update({ where: { id: fixture.candidate.id }, data: { shortlistOutcome: 'INVITED' } });
      await everyoneScored(fixture, 'INTERVIEW');
      return { candidateId: fixture.candidate.id, version: fixture.candidate.version, outcome: 'RESERVE', rationale: 'Met every essential criterion; the post went to a higher score' };
    },
  },
  'recruitment.candidate.appoint': {
    allowed: HR_ONLY,
    input: async (world) => {
      const { candidate } = await recruitmentFixture(world, 'DECIDED');
      await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'INVITED', outcome: 'APPOINTED', rationale: 'Best on every criterion' } });
      return { candidateId: candidate.id };
    },
  },
  'recruitment.conflict.declare': {
    allowed: PANEL,
    input: async (world) => {
      const { vacancy, candidate } = await recruitmentFixture(world, 'OPEN');
      const { declarationKey } = await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { declarationKey: true } });
      return { vacancyId: vacancy.id, declarationKey, kind: 'KNOWS_THEM', note: 'We were at school together' };
    },
  },
  // Each member withdraws their own declaration (every member declared one).
  'recruitment.conflict.withdraw': {
    allowed: PANEL,
    input: async (world) => {
      const { vacancy, candidate, panel } = await recruitmentFixture(world, 'OPEN');
      await db.conflictDeclaration.createMany({ data: panel.map((member) => ({ vacancyId: vacancy.id, candidateId: candidate.id, userId: member.id, kind: 'KNOWS_THEM' as const })) });
      const { declarationKey } = await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { declarationKey: true } });
      return { vacancyId: vacancy.id, declarationKey };
    },
  },
  'recruitment.conflicts.confirm': {
    allowed: PANEL,
    input: async (world) => ({ vacancyId: (await recruitmentFixture(world, 'OPEN')).vacancy.id }),
  },
  'recruitment.scores.save': {
    allowed: PANEL,
    input: async (world) => {
      const { candidate, lived, practical } = await recruitmentFixture(world, 'SHORTLISTING');
      return { candidateId: candidate.id, stage: 'SHORTLISTING', intent: 'submit', scores: { [lived.id]: { score: 3, evidence: 'Told us how their recovery shapes their support' }, [practical.id]: { score: '2', evidence: 'Some examples' } } };
    },
  },
  // Every member has submitted; each caller corrects their own score, and anyone else is given the peer worker's.
  'recruitment.score.correct': {
    allowed: PANEL,
    input: async (world, caller) => {
      const fixture = await recruitmentFixture(world, 'SHORTLISTING');
      await everyoneScored(fixture, 'SHORTLISTING');
      const author = fixture.panel.find((member) => member.id === caller?.id) ?? world.peerWorker;
      const score = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: fixture.candidate.id, userId: author.id }, criterionId: fixture.lived.id }, select: { id: true } });
      return { scoreId: score.id, score: 2, evidence: 'Read again', reason: 'I scored the wrong criterion' };
    },
  },
  'recruitment.moderation.add': {
    allowed: PANEL,
    input: async (world) => {
      const fixture = await recruitmentFixture(world, 'SHORTLISTING');
      await everyoneScored(fixture, 'SHORTLISTING');
      return { candidateId: fixture.candidate.id, stage: 'SHORTLISTING', criterionId: fixture.lived.id, text: 'We agreed the evidence meets the criterion' };
    },
  },
  // The rules are the organisation's: an administrator's alone (HR runs recruitment within them).
  'recruitment.settings.update': {
    allowed: ADMIN_ONLY,
    input: async () => ({
      minScorers: 3,
      minLivedExperience: 1,
      minHrOrManager: 1,
      retentionMonths: 12,
      version: (await db.recruitmentSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version,
    }),
  },
  // ---- Onboarding ----
  // Placements and plans are the team's manager's to run (not an administrator's, not HR's).
  'onboarding.placement.start': {
    scenarios: {
      'placing a person directly on an agreed role': {
        allowed: THIS_TEAM_MANAGER,
        input: async (world) => ({ ...placementForm(world), personEmail: world.newcomer.email, roleId: (await agreedRole(world)).role.id, templateId: (await createTemplate({ tasks: [...SMALL_TEMPLATE_TASKS] })).id }),
      },
      'from a recruitment appointment': {
        allowed: THIS_TEAM_MANAGER,
        input: async (world) => {
          const { vacancy, candidate } = await recruitmentFixture(world, 'DECIDED');
          await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'INVITED', outcome: 'APPOINTED', rationale: 'Best on every criterion' } });
          const appointment = await db.appointment.create({
            data: { candidateId: candidate.id, vacancyId: vacancy.id, userId: world.newcomer.id, teamId: world.thisTeam.id, roleVersionId: vacancy.roleVersionId, createdById: world.hr.id },
            select: { id: true },
          });
          return { ...placementForm(world), appointmentId: appointment.id, templateId: (await createTemplate({ tasks: [...SMALL_TEMPLATE_TASKS] })).id };
        },
      },
    },
  },
  'onboarding.placement.change': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ ...(await changeFormFor((await placedPeerWorker(world, { lineManager: world.managerOfThisTeam })).placement.id)), hoursPerWeek: '30' }),
  },
  'onboarding.placement.end': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ placementId: (await placedPeerWorker(world)).placement.id, version: 1 }),
  },
  // The team's manager and the peer worker's line manager (here the staff member); not the peer worker.
  'onboarding.parity.accept': {
    allowed: ['managerOfThisTeam', 'staff'],
    input: async (world) => ({ placementId: (await placedPeerWorker(world, { lineManager: world.staff })).placement.id, key: 'peer-supervisor', reason: 'Peer supervision comes from the trust-wide peer network for now' }),
  },
  // Whoever owes the task, and the team's manager.
  'onboarding.task.status': {
    scenarios: {
      "the peer worker's own task": {
        allowed: ['managerOfThisTeam', 'peerWorker'],
        input: async (world) => ({ taskId: (await placedPeerWorker(world, { lineManager: world.managerOfThisTeam })).tasks.PEER_WORKER.id, version: 1, status: 'COMPLETED' }),
      },
      'an HR task, owed by HR': {
        allowed: ['managerOfThisTeam', 'hr'],
        input: async (world) => ({ taskId: (await placedPeerWorker(world, { lineManager: world.managerOfThisTeam, hr: world.hr })).tasks.HR.id, version: 1, status: 'IN_PROGRESS' }),
      },
      'a task the line manager owes (the staff member)': {
        allowed: ['managerOfThisTeam', 'staff'],
        input: async (world) => ({ taskId: (await placedPeerWorker(world, { lineManager: world.staff })).tasks.MANAGER.id, version: 1, status: 'CANNOT_START', cannotStartReason: 'Waiting for the team away day' }),
      },
    },
  },
  'onboarding.task.add': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({
      placementId: (await placedPeerWorker(world)).placement.id,
      section: 'INTRODUCTIONS',
      title: 'Meet the crisis team',
      description: 'Half a day with them',
      ownerEmail: world.staff.email,
      dueOn: { day: '11', month: '1', year: '2027' },
      required: 'no',
    }),
  },
  'onboarding.task.remove': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ taskId: (await placedPeerWorker(world)).tasks.IT_ADMIN.id, version: 1 }),
  },
  'onboarding.task.reassign': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ taskId: (await placedPeerWorker(world, { lineManager: world.managerOfThisTeam })).tasks.MANAGER.id, version: 1, ownerEmail: world.staff.email }),
  },
  // The peer worker's private note on their own task: nobody else's, not even the team's manager's.
  'onboarding.task.note': {
    allowed: ['peerWorker'],
    input: async (world) => ({ taskId: (await placedPeerWorker(world)).tasks.PEER_WORKER.id, text: 'I would like to do this in my second week' }),
  },
  'onboarding.template.save': {
    scenarios: {
      'a new template': { allowed: ADMIN_ONLY, input: (world) => ({ name: `Matrix template ${world.suffix}`, serviceType: 'INPATIENT_WARD' }) },
      'renaming one': { allowed: ADMIN_ONLY, input: async (world) => ({ templateId: (await createTemplate()).id, version: 1, name: `Matrix renamed ${world.suffix}`, serviceType: '' }) },
    },
  },
  'onboarding.template.archive': {
    allowed: ADMIN_ONLY,
    input: async () => {
      await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }] });
      return { templateId: (await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }] })).id, version: 1 };
    },
  },
  'onboarding.template.task.save': {
    allowed: ADMIN_ONLY,
    input: async () => ({ templateId: (await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }] })).id, version: 1, section: 'PEER_TRAINING', title: 'WRAP course', description: '', ownerRole: 'PEER_WORKER', offsetDays: '28', required: 'no' }),
  },
  'onboarding.template.task.remove': {
    allowed: ADMIN_ONLY,
    input: async () => {
      const template = await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }, { ownerRole: 'HR' }] });
      const task = await db.onboardingTemplateTask.findFirstOrThrow({ where: { templateId: template.id }, select: { id: true } });
      return { templateId: template.id, templateTaskId: task.id, version: 1 };
    },
  },
  // Everyone keeps their own wellbeing plan and chooses who reads it.
  'onboarding.wellbeing.save': {
    allowed: EVERYONE_SIGNED_IN,
    input: () => ({ keepsMeWell: 'A walk at lunchtime', earlySigns: '', whatHelps: 'A quiet word', whoToContact: '' }),
  },
  'onboarding.wellbeing.share': {
    allowed: EVERYONE_SIGNED_IN,
    input: async (world, caller) => {
      await db.wellbeingPlan.create({ data: { userId: (caller ?? world.peerWorker).id, keepsMeWell: 'A walk at lunchtime' } });
      return { email: world.newcomer.email };
    },
  },
  'onboarding.wellbeing.revoke': {
    allowed: EVERYONE_SIGNED_IN,
    input: async (world, caller) => {
      const plan = await db.wellbeingPlan.create({ data: { userId: (caller ?? world.peerWorker).id, keepsMeWell: 'A walk at lunchtime' }, select: { id: true } });
      const share = await db.wellbeingShare.create({ data: { planId: plan.id, sharedWithId: world.newcomer.id }, select: { id: true } });
      return { shareId: share.id };
    },
  },
  // The team's meetings and systems are its manager's to record.
  'onboarding.meeting.add': {
    allowed: THIS_TEAM_MANAGER,
    input: (world) => ({ teamId: world.thisTeam.id, name: 'Team meeting', day: 'WED', time: '10:00', main: 'yes' }),
  },
  'onboarding.meeting.remove': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ meetingId: (await createMeeting(world.thisTeam, { main: true })).id }),
  },
  'onboarding.system.add': {
    allowed: THIS_TEAM_MANAGER,
    input: (world) => ({ teamId: world.thisTeam.id, userId: world.peerWorker.id, system: 'RiO' }),
  },
  'onboarding.system.remove': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ teamId: world.thisTeam.id, systemAccessId: (await grantSystem(world.peerWorker, `RiO ${world.suffix}`)).id }),
  },  // ---- Supervision ----
  // Agreements are set up and changed by the team's manager (or the placement's line manager).
  'supervision.agreement.create': {
    scenarios: {
      "a placement in the manager's team": { allowed: THIS_TEAM_MANAGER, input: async (world) => ({ placementId: (await placedPeerWorker(world)).placement.id }) },
      'a placement line-managed by the staff member': { allowed: ['managerOfThisTeam', 'staff'], input: async (world) => ({ placementId: (await placedPeerWorker(world, { lineManager: world.staff })).placement.id }) },
    },
  },
  'supervision.arrangement.add': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ agreementId: (await supervisionFixture(world)).agreement.id, version: 1, type: 'CLINICAL', supervisorEmail: world.newcomer.email, everyWeeks: '6', startsOn: { day: '4', month: '1', year: '2027' } }),
  },
  'supervision.arrangement.end': {
    allowed: THIS_TEAM_MANAGER,
    input: async (world) => ({ arrangementId: (await supervisionFixture(world)).arrangement.id, version: 1 }),
  },
  // The peer worker signs the agreement; each supervisor signs for their own arrangements.
  'supervision.agreement.sign': {
    allowed: SESSION_PARTIES,
    input: async (world) => ({ agreementId: (await supervisionFixture(world)).agreement.id, version: 1 }),
  },
  // Only the two people of an arrangement record its sessions: never the manager, HR or an administrator.
  'supervision.session.record': {
    allowed: SESSION_PARTIES,
    input: async (world) => ({ arrangementId: (await supervisionFixture(world)).arrangement.id, ...SESSION_FIELDS }),
  },
  // Whoever recorded it (the staff member, its supervisor), before it is co-signed.
  'supervision.session.update': {
    allowed: ['staff'],
    input: async (world) => ({ sessionId: (await createSession((await supervisionFixture(world)).arrangement)).id, version: 1, ...SESSION_FIELDS }),
  },
  'supervision.session.amend': {
    allowed: SESSION_PARTIES,
    input: async (world) => ({ sessionId: (await createSession((await supervisionFixture(world)).arrangement, { cosignedAt: new Date() })).id, ...SESSION_FIELDS }),
  },
  // The other party: the staff member recorded it, so only the peer worker co-signs.
  'supervision.session.cosign': {
    allowed: ['peerWorker'],
    input: async (world) => ({ sessionId: (await createSession((await supervisionFixture(world)).arrangement)).id, version: 1 }),
  },
  'supervision.session.comment': {
    allowed: SESSION_PARTIES,
    input: async (world) => ({ sessionId: (await createSession((await supervisionFixture(world)).arrangement)).id, text: 'A fair record' }),
  },
  'supervision.action.add': {
    allowed: SESSION_PARTIES,
    input: async (world) => ({ sessionId: (await createSession((await supervisionFixture(world)).arrangement)).id, text: 'Read the framework', owner: 'PEER_WORKER', dueOn: { day: '4', month: '1', year: '2027' } }),
  },
  'supervision.action.status': {
    allowed: SESSION_PARTIES,
    input: async (world) => {
      const session = await createSession((await supervisionFixture(world)).arrangement);
      return { actionId: (await createSessionAction(session, world.peerWorker)).id, version: 1, status: 'DONE' };
    },
  },
  // A peer worker with a current placement checks in for themselves.
  'supervision.checkin.record': {
    allowed: ['peerWorker'],
    input: async (world) => {
      await placedPeerWorker(world);
      return { sessionId: '', supported: '4', clearRole: '3', equalMember: '2', experienceValued: '5', practiseAsPeer: '4' };
    },
  },
  'library.entry.propose': {
    allowed: ['peerWorker'],
    input: async (world) => {
      await placedPeerWorker(world);
      return { sessionId: '', scope: 'ORGANISATION', title: 'Holding hope', situation: 'A team that had lost hope.', whatIDid: 'I shared a little.', whatILearned: 'A little goes far.', tags: 'hope', showName: 'no', confirmedNoIdentifiers: 'yes' };
    },
  },
  // A peer supervisor in any current agreement (here the staff member) reviews entries; nobody else, whatever their role.
  'library.entry.review': {
    allowed: ['staff'],
    input: async (world) => {
      await supervisionFixture(world);
      return { entryId: (await createLibraryEntry(world.peerWorker, world.thisTeam)).id, version: 1, decision: 'APPROVE' };
    },
  },
  // The author only.
  'library.entry.withdraw': {
    allowed: ['peerWorker'],
    input: async (world) => ({ entryId: (await createLibraryEntry(world.peerWorker, world.thisTeam, { status: 'PUBLISHED' })).id, version: 1 }),
  },
  'supervision.settings.save': {
    allowed: ADMIN_ONLY,
    input: async () => ({ smallNumbersThreshold: '6', version: (await db.supervisionSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version }),
  },
  // The thresholds of the early-warning signs: administrators only (HR and managers read the signs, never set them).
  'dashboards.settings.save': {
    allowed: ADMIN_ONLY,
    input: async () => ({
      version: (await db.dashboardSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version,
      thresholds: { ...dashboardThresholds(), openParityIssues: { amber: '2', red: '4' } },
    }),
  },
  // How people sign in (requiring the identity provider, the domains that may join): administrators only.
  'signIn.settings.save': {
    allowed: ADMIN_ONLY,
    input: async () => ({
      version: (await db.signInSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version,
      identityProviderRequired: 'yes',
      allowedEmailDomains: 'nhs.net\nnorthbrook.nhs.uk',
    }),
  },
};

/** Each action's entry, or each of its scenarios, as [title, action name, entry]. */
const ROWS: Array<[string, string, MatrixEntry]> = Object.entries(MATRIX).flatMap(([name, row]) =>
  'scenarios' in row ? Object.entries(row.scenarios).map(([label, entry]): [string, string, MatrixEntry] => [`${name}: ${label}`, name, entry]) : [[name, name, row]],
);

const discovery = discoverActions();
const discoveredByName = new Map(discovery.actions.map((entry) => [entry.name, entry]));

describe('the matrix covers every action', () => {
  it('finds the actions (discovery works)', () => {
    expect(discovery.actions.length).toBeGreaterThanOrEqual(Object.keys(MATRIX).length);
    expect(discovery.actions.map((entry) => entry.file)).toEqual(expect.arrayContaining(['lib/teams/actions.ts', 'lib/people/actions.ts', 'lib/account/actions.ts']));
  });

  it('has every exported action in the table', () => {
    const missing = discovery.actions.filter((entry) => !(entry.name in MATRIX)).map((entry) => `${entry.name} (${entry.file}: ${entry.exportName})`);
    if (missing.length > 0) throw new Error(`Add these actions to MATRIX in tests/integration/authorization-matrix.test.ts (and to tests/integration/bad-input.test.ts): ${missing.join(', ')}`);
  });

  it('has no table entry without an action', () => {
    const stale = Object.keys(MATRIX).filter((name) => !discoveredByName.has(name));
    if (stale.length > 0) throw new Error(`MATRIX lists actions that no lib/**/actions.ts exports: ${stale.join(', ')}`);
  });

  it('finds only actions that went through lib/action.ts, each with a unique name', () => {
    if (discovery.unwrapped.length > 0) {
      throw new Error(`Every export of an actions.ts file must be made with defineAction/definePublicAction (it declares who may call it): ${discovery.unwrapped.join(', ')}`);
    }
    const names = discovery.actions.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists a real kind of caller for every allowed entry', () => {
    for (const [, , entry] of ROWS) for (const caller of entry.allowed) expect(CALLERS).toContain(caller);
  });
});

let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashOfTestPassword();
});

describe.each(ROWS)('%s', (_title, name, entry) => {
  it.each(CALLERS.map((caller) => [caller, entry.allowed.includes(caller) ? 'allowed' : 'refused'] as const))('%s is %s', async (caller, expectation) => {
    const discovered = discoveredByName.get(name);
    if (!discovered) throw new Error(`No server action named ${name} exists any more: remove it from MATRIX`);

    // A fresh world for every call, so each starts from the same state.
    const world = await buildWorld({ passwordHash });
    const user = callerUser(world, caller);
    const input = await entry.input(world, user);
    signInAs(user);
    const before = await snapshotDatabase();

    const result = await discovered.action(null, input);

    if (expectation === 'allowed') {
      expect(result).toMatchObject({ ok: true });
      const after = await snapshotDatabase();
      // Exactly one audit event naming the action and who did it (beside one for each record an import writes).
      expect(after.counts.AuditEvent).toBe(before.counts.AuditEvent + 1 + (entry.alsoAudited ?? 0));
      const [event] = await db.auditEvent.findMany({ where: { action: name }, orderBy: [{ createdAt: 'desc' }], take: 1 });
      expect(event).toMatchObject({ action: name, actorId: discovered.permission === 'public' ? null : user?.id });
      expect(after).not.toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: false, code: caller === 'signedOut' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
      // Refused means nothing changed: no audit event, no row touched.
      expect(await snapshotDatabase()).toEqual(before);
    }
  });
});
