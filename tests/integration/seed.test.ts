import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findUsableInvitation } from '@/lib/auth/invitations';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { db } from '@/lib/db';
import { REQUIRED_FOR_SUBMISSION, roleContentSchema, sectionIsComplete, parseContent } from '@/lib/roles/rules';
import { getAgreedVersion, RoleNotAgreedError } from '@/lib/roles/gate';
import { getExpectationCheck } from '@/lib/expectations/queries';
import { getRoleAccess } from '@/lib/roles/access';
import { getVersionDetail } from '@/lib/agreement/queries';
import { listPendingRequests } from '@/lib/requests/queries';
import { DEMO_ROLES, seedDemoRoles } from '../../prisma/demo-roles';
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_TASKS } from '@/lib/onboarding/default-template';
import { placementParity } from '@/lib/onboarding/records';
import { addDays, isOverdue, weekdayOf } from '@/lib/onboarding/rules';
import { panelSeats, stageScores } from '@/lib/recruitment/records';
import { decryptField, keyIdOf } from '@/lib/supervision/crypto';
import { getCheckInFigures, getSession, getSessionToRevise, listAgreements, listProposals, placementsWithoutAgreement, searchLibrary, supervisionDue } from '@/lib/supervision/queries';
import { previousQuarter, quarterOf, quarterStart } from '@/lib/supervision/rules';
import { DEFAULT_COMPOSITION, panelProblems } from '@/lib/recruitment/rules';
import { checkDemoAccounts, seed, SEED_PEOPLE, SEED_ROLES, SEED_TEAMS, type DemoAccount } from '../../prisma/seed';
import { seedDemoSupervision, SUPERVISION_PEOPLE } from '../../prisma/demo-supervision';
import { LEVEL_ORDER, measuresFrom, readSigns, DEFAULT_THRESHOLDS, SIGNS, type Level, type Sign } from '@/lib/dashboards/signals';
import { expectationsEvidence } from '@/lib/expectations/gate';
import { peerSupervisedTeams } from '@/lib/supervision/access';
import { checkInFigures, CHECK_IN_MINIMUM } from '@/lib/supervision/rules';
import { buildWorld, createTeam, hashOfTestPassword, placedPeerWorker, TEST_PASSWORD } from '../factories';
import { currentUserOf } from '../support/roles';

/** The demo sign-ins as scripts/demo-accounts.mjs lists them (an ES module, so read as text here). */
function demoAccountsFromScript(): DemoAccount[] {
  const source = readFileSync(path.resolve(__dirname, '../../scripts/demo-accounts.mjs'), 'utf8');
  const accounts = [...source.matchAll(/email: '([^']+)', password: DEMO_PASSWORD, orgRole: '(\w+)', teamRole: (?:null|'(\w+)')/gu)].map(
    ([, email, orgRole, teamRole]) => ({ email, password: TEST_PASSWORD, orgRole, teamRole: teamRole ?? null }) as DemoAccount,
  );
  expect(accounts).toHaveLength(7);
  return accounts;
}

const counts = async () => ({
  users: await db.user.count(),
  teams: await db.team.count(),
  memberships: await db.teamMembership.count(),
  auditEvents: await db.auditEvent.count(),
  roles: await db.role.count(),
  versions: await db.roleVersion.count(),
  reviewers: await db.reviewInvitation.count(),
  agreements: await db.agreement.count(),
  concerns: await db.concern.count(),
  replies: await db.concernReply.count(),
  checks: await db.expectationCheck.count(),
  responses: await db.expectationResponse.count(),
  resolutions: await db.contestedResolution.count(),
  placements: await db.placement.count(),
  tasks: await db.onboardingTask.count(),
  meetings: await db.teamMeeting.count(),
  systems: await db.systemAccess.count(),
  wellbeingPlans: await db.wellbeingPlan.count(),
  supervisionAgreements: await db.supervisionAgreement.count(),
  supervisionSessions: await db.supervisionSession.count(),
  supervisionActions: await db.supervisionAction.count(),
  checkIns: await db.checkIn.count(),
  libraryEntries: await db.libraryEntry.count(),
});

const NOTHING_CREATED = { people: 0, teams: 0, memberships: 0, roles: 0, vacancies: 0, placements: 0, sessions: 0 };
const [CMHT, EIP, RECOVERY_COLLEGE, CRISIS_TEAM, WARD] = SEED_TEAMS;

/** A seeded role with everything about it, found by team and title. */
async function seededRole(teamName: string, title: string) {
  return db.role.findFirstOrThrow({
    where: { title, team: { name: teamName } },
    include: {
      versions: { orderBy: { number: 'asc' }, include: { reviewers: true, agreements: true, concerns: { include: { replies: true } } } },
      checks: { include: { participants: true, resolutions: true } },
    },
  });
}

const person = (email: string) => db.user.findUniqueOrThrow({ where: { email } });

const runSeed = (demoPasswordHash: string | null, demoAccounts = demoAccountsFromScript()) =>
  db.$transaction((tx) => seed(tx, { demoAccounts, demoPasswordHash }), { timeout: 60_000 });

describe('the demo seed', () => {
  it('creates every account that start.mjs prints as a demo sign-in', () => {
    expect(() => checkDemoAccounts(demoAccountsFromScript())).not.toThrow();
    expect(() => checkDemoAccounts([{ email: 'someone.else@peerroles.test', password: 'x', orgRole: 'ADMIN', teamRole: null }])).toThrow(/does not create/u);
  });

  it('without a notes key: adds every team, role and placement, no supervision, and says why', async () => {
    const saved = process.env.NOTES_ENCRYPTION_KEYS;
    class RolledBack extends Error {}
    try {
      delete process.env.NOTES_ENCRYPTION_KEYS;
      await db.$transaction(
        async (tx) => {
          const outcome = await seed(tx, { demoAccounts: demoAccountsFromScript(), demoPasswordHash: null });
          // The five peer workers the community team's supervision demo adds are left out with it.
          expect(outcome.created).toEqual({ people: 32, teams: 5, memberships: 29, roles: 5, vacancies: 3, placements: 8, sessions: 0 });
          expect(outcome.supervisionSkipped).toContain('NOTES_ENCRYPTION_KEYS is not set');
          expect(await tx.supervisionAgreement.count()).toBe(0);
          expect(await tx.checkIn.count()).toBe(0);
          expect(await tx.libraryEntry.count()).toBe(0);
          // The crisis team's and the ward's placements are there, with what parity judges.
          expect(await tx.placement.count({ where: { team: { name: { in: [CRISIS_TEAM.name, WARD.name] } } } })).toBe(6);
          throw new RolledBack();
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    } finally {
      process.env.NOTES_ENCRYPTION_KEYS = saved;
    }
    expect(await db.team.count()).toBe(0);
  });

  it('without demo passwords: creates the five teams, nobody with a password, and a one-time link for the administrator', async () => {
    const outcome = await runSeed(null);
    // The 32 seed people, and five more peer workers placed in the community team for supervision (prisma/demo-supervision.ts);
    // placements: two in the community team's onboarding and its supervision's five, the crisis team's four and the ward's two.
    expect(outcome.created).toEqual({ people: 37, teams: 5, memberships: 34, roles: 5, vacancies: 3, placements: 13, sessions: expect.any(Number) });
    expect(outcome.created.sessions).toBeGreaterThanOrEqual(150);
    expect(outcome.supervisionSkipped).toBeNull();
    expect(outcome.demoPasswordsSet).toBe(0);
    expect(await db.user.count({ where: { passwordHash: { not: null } } })).toBe(0);

    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@peerroles.test' } });
    expect(admin.orgRole).toBe('ADMIN');
    expect(outcome.adminLinkPath).toMatch(/^\/set-password\//u);
    expect(await findUsableInvitation(outcome.adminLinkPath!.split('/').pop()!)).toMatchObject({ userId: admin.id });

    // Shaped like the research: each team has a manager, non-peer staff and peer workers.
    for (const seedTeam of SEED_TEAMS) {
      const team = await db.team.findFirstOrThrow({ where: { name: seedTeam.name }, include: { memberships: true } });
      const roles = team.memberships.map((membership) => membership.role);
      expect(roles.filter((role) => role === 'MANAGER')).toHaveLength(1);
      expect(roles.filter((role) => role === 'STAFF').length).toBeGreaterThanOrEqual(2);
      expect(roles.filter((role) => role === 'PEER_WORKER').length).toBeGreaterThanOrEqual(1);
    }
    expect(SEED_TEAMS.map((team) => team.serviceType)).toEqual(['COMMUNITY_MENTAL_HEALTH', 'EARLY_INTERVENTION', 'RECOVERY_COLLEGE', 'CRISIS_HOME_TREATMENT', 'INPATIENT_WARD']);
    expect(SEED_PEOPLE.map((person) => person.orgRole).sort()).toEqual(['ADMIN', 'HR', 'SERVICE_USER_REP']);

    // Everything it made is in the audit log, by nobody in particular.
    const events = await db.auditEvent.findMany();
    const byAction: Record<string, number> = {};
    for (const event of events) byAction[event.action] = (byAction[event.action] ?? 0) + 1;
    expect(byAction).toEqual({
      // The 32 seed people, the appointed candidate's account and the supervision demo's five peer workers.
      'seed.person.create': 38,
      'seed.team.create': 5,
      'seed.team.member.add': 34,
      'seed.person.invite': 1,
      'seed.role.create': 5,
      'seed.role.expectations.send': 3,
      // Eight people answered the CMHT check; six of seven the early intervention one; six the crisis team's.
      'seed.role.expectations.answer': 20,
      // Every check closed, so that everyone who took part sees the results.
      'seed.role.expectations.close': 3,
      'seed.role.contested.resolve': 1,
      'seed.role.submit': 4,
      'seed.role.reviewers.invite': 4,
      // Four for the CMHT role, three so far for the early intervention one, four each for the crisis team's and the ward's.
      'seed.role.version.agree': 15,
      'seed.role.concern.raise': 1,
      'seed.role.concern.reply': 1,
      'seed.recruitment.specification.create': 1,
      'seed.recruitment.vacancy.open': 3,
      'seed.recruitment.scores': 1,
      'seed.recruitment.appoint': 1,
      'seed.recruitment.purge': 1,
      'seed.onboarding.template.create': 1,
      // The CMHT's three meetings and the crisis team's and ward's two each, each of those teams' systems, thirteen
      // placements with their plans' progress, Jade's change of hours and the ward's two peer supervisors taken off, Jade's
      // private note, four parity issues accepted (one of Jade's, three of Marcus's), and two wellbeing plans each shared once.
      'seed.onboarding.meeting.add': 7,
      'seed.onboarding.systems': 3,
      'seed.onboarding.placement.start': 13,
      'seed.onboarding.placement.change': 3,
      'seed.onboarding.tasks': 13,
      'seed.onboarding.task.note': 1,
      'seed.onboarding.parity.accept': 4,
      'seed.onboarding.wellbeing.save': 2,
      'seed.onboarding.wellbeing.share': 2,
      // Six agreements in the CMHT, four in the crisis team and two on the ward; each arrangement's sessions (sixteen in the
      // CMHT, eight in the crisis team, two on the ward); Marcus's amendment; each team's check-ins; ten library entries.
      'seed.supervision.agreement': 12,
      'seed.supervision.sessions': 26,
      'seed.supervision.amend': 1,
      'seed.supervision.checkins': 3,
      'seed.supervision.library': 10,
    });
    const template = await db.onboardingTemplate.findFirstOrThrow({ include: { tasks: true } });
    expect(template.tasks).toHaveLength(DEFAULT_TEMPLATE_TASKS.length);
    expect(events.every((event) => event.actorId === null && event.summary.startsWith('Demo data seeded'))).toBe(true);
    // Every role, version, concern, check, meeting, placement, supervision agreement and library entry it made has its own audit event.
    const recorded = new Set(events.map((event) => event.recordId));
    const records = [
      ...(await db.role.findMany({ select: { id: true } })),
      ...(await db.roleVersion.findMany({ select: { id: true } })),
      ...(await db.concern.findMany({ select: { id: true } })),
      ...(await db.expectationCheck.findMany({ select: { id: true } })),
      ...(await db.teamMeeting.findMany({ select: { id: true } })),
      ...(await db.placement.findMany({ select: { id: true } })),
      ...(await db.supervisionAgreement.findMany({ select: { id: true } })),
      ...(await db.libraryEntry.findMany({ select: { id: true } })),
    ];
    expect(records.filter((record) => !recorded.has(record.id))).toEqual([]);
  });

  it('recruits to the community team’s agreed role: a vacancy at interview, a decided one with an appointment, and a purged candidate', async () => {
    await runSeed(null);
    const vacancies = await db.vacancy.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, status: true, specificationId: true, roleVersion: { select: { status: true } } } });
    expect(vacancies.map((vacancy) => [vacancy.status, vacancy.roleVersion.status])).toEqual([
      ['INTERVIEWING', 'AGREED'],
      ['DECIDED', 'AGREED'],
      ['CLOSED', 'AGREED'],
    ]);
    const [open, decided, closed] = vacancies;
    expect(panelProblems(await panelSeats(db, open.id), DEFAULT_COMPOSITION, 'INTERVIEW')).toEqual([]);
    expect(panelProblems(await panelSeats(db, open.id), DEFAULT_COMPOSITION, 'SHORTLISTING')).toEqual([]);
    const candidates = await db.candidate.findMany({ where: { vacancyId: open.id }, orderBy: { number: 'asc' }, select: { id: true, vacancyId: true, shortlistOutcome: true } });
    expect(candidates.every((candidate) => candidate.shortlistOutcome)).toBe(true);
    const interviews = await Promise.all(candidates.filter((candidate) => candidate.shortlistOutcome === 'INVITED').map((candidate) => stageScores(db, candidate, 'INTERVIEW')));
    // One candidate fully scored, with a difference of 2 to discuss; one part-submitted (a draft waits); one not started.
    expect(interviews.filter((state) => state.matrix && state.matrix.divergentCriteria.length > 0)).toHaveLength(1);
    expect(interviews.filter((state) => !state.complete && state.submitted.size > 0)).toHaveLength(1);
    expect(await db.appointment.count({ where: { vacancyId: decided.id, placedAt: null } })).toBe(1);
    const purged = await db.candidate.findFirstOrThrow({ where: { vacancyId: closed.id } });
    expect(purged).toMatchObject({ name: null, email: null, phone: null });
    expect(purged.purgedAt).not.toBeNull();
    expect(await db.score.count({ where: { sheet: { candidateId: purged.id } } })).toBeGreaterThan(0);
  });

  it('onboards the community team’s peer workers: Jade five weeks in with overdue tasks and open parity issues, Marcus fully onboarded, Elliot still to place', async () => {
    const team = await db.team.findFirstOrThrow({ where: { name: CMHT.name } });
    const [jade, marcus, sophie, manager, elliot] = await Promise.all(
      ['peer.cmht@peerroles.test', 'marcus.bennett@peerroles.test', 'sophie.clarke@peerroles.test', 'manager.cmht@peerroles.test', 'elliot.shaw@peerroles.test'].map(person),
    );
    const today = addDays(new Date(), 0);
    const daysAgo = (date: Date) => Math.round((today.getTime() - date.getTime()) / (24 * 60 * 60 * 1000));
    const placementOf = (userId: string) =>
      db.placement.findFirstOrThrow({
        where: { teamId: team.id, userId },
        include: { roleVersion: { select: { status: true } }, changes: true, plans: { include: { template: true, tasks: { include: { notes: true } } } } },
      });

    const jades = await placementOf(jade.id);
    expect(jades).toMatchObject({ contractType: 'FIXED_TERM', workingDays: ['TUE', 'WED', 'THU'], lineManagerId: manager.id, peerSupervisorId: sophie.id, endedAt: null, version: 2, roleVersion: { status: 'AGREED' } });
    expect(weekdayOf(jades.startDate)).toBe('TUE');
    expect(daysAgo(jades.startDate)).toBeGreaterThanOrEqual(35);
    expect(daysAgo(jades.startDate)).toBeLessThan(42);
    expect(jades.changes).toEqual([expect.objectContaining({ before: { hoursPerWeek: 15 }, after: { hoursPerWeek: 18 } })]);
    expect(jades.plans).toHaveLength(1);
    const [plan] = jades.plans;
    expect(plan.template?.name).toBe(DEFAULT_TEMPLATE_NAME);
    expect(plan.tasks).toHaveLength(DEFAULT_TEMPLATE_TASKS.length);
    const statuses = plan.tasks.map((task) => task.status);
    expect(statuses.filter((status) => status === 'COMPLETED').length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((status) => status === 'IN_PROGRESS').length).toBeGreaterThanOrEqual(1);
    expect(plan.tasks.filter((task) => task.status === 'CANNOT_START')).toEqual([expect.objectContaining({ cannotStartReason: expect.stringContaining('RiO') })]);
    const overdue = plan.tasks.filter((task) => isOverdue(task, today));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    // Overdue tasks owed by Jade, her manager and HR, so that each of their home pages has some.
    const hr = await person('hr@peerroles.test');
    expect(new Set(overdue.map((task) => task.ownerId))).toEqual(new Set([jade.id, manager.id, hr.id]));
    expect(plan.tasks.filter((task) => task.status === 'COMPLETED').every((task) => task.completedAt && task.completedAt <= new Date() && task.completedById === task.ownerId)).toBe(true);
    // Her private note, on a task she owes.
    const noted = plan.tasks.filter((task) => task.notes.length > 0);
    expect(noted).toEqual([expect.objectContaining({ ownerId: jade.id, notes: [expect.objectContaining({ authorId: jade.id })] })]);

    // Parity: the main meeting on her day off, RiO, the contract; her hours accepted with a reason; a peer supervisor named.
    const mainMeeting = await db.teamMeeting.findFirstOrThrow({ where: { teamId: team.id, main: true } });
    expect(mainMeeting.day).toBe('MON');
    const parity = await placementParity(db, jades.id);
    expect(parity.open.map((issue) => issue.key).sort()).toEqual(['contract', `meeting:${mainMeeting.id}`, 'system:RiO (electronic patient record)'].sort());
    expect(parity.acceptances).toEqual([expect.objectContaining({ key: 'hours', reason: expect.stringContaining('three-month review') })]);

    // Her wellbeing plan, shared with her peer supervisor alone.
    const jadeWellbeing = await db.wellbeingPlan.findUniqueOrThrow({ where: { userId: jade.id }, include: { shares: true } });
    expect(jadeWellbeing.shares).toEqual([expect.objectContaining({ sharedWithId: sophie.id, revokedAt: null })]);

    // Marcus: every task done, about four months in, every parity issue accepted with a reason.
    const marcuss = await placementOf(marcus.id);
    expect(marcuss).toMatchObject({ contractType: 'SESSIONAL', workingDays: ['MON', 'TUE', 'WED'], endedAt: null, roleVersion: { status: 'AGREED' } });
    expect(daysAgo(marcuss.startDate)).toBeGreaterThanOrEqual(120);
    expect(daysAgo(marcuss.startDate)).toBeLessThan(127);
    const marcusTasks = marcuss.plans.flatMap((each) => each.tasks);
    expect(marcusTasks).toHaveLength(DEFAULT_TEMPLATE_TASKS.length);
    expect(marcusTasks.every((task) => task.status === 'COMPLETED' && task.completedAt)).toBe(true);
    const marcusParity = await placementParity(db, marcuss.id);
    expect(marcusParity.issues.map((issue) => issue.key).sort()).toEqual(marcusParity.acceptances.map((acceptance) => acceptance.key).sort());
    expect(marcusParity.issues).toHaveLength(3);
    expect(marcusParity.open).toEqual([]);
    expect((await db.wellbeingPlan.findUniqueOrThrow({ where: { userId: marcus.id }, include: { shares: true } })).shares).toEqual([expect.objectContaining({ sharedWithId: manager.id })]);

    // Elliot's appointment waits for his manager to place him.
    expect(await db.appointment.findFirstOrThrow({ where: { userId: elliot.id } })).toMatchObject({ placedAt: null });
    expect(await db.placement.count({ where: { userId: elliot.id } })).toBe(0);
    // Jade's and Marcus's, and the five the supervision demo adds; and the crisis team's four and the ward's two.
    expect(await db.placement.count({ where: { teamId: team.id } })).toBe(7);
    expect(await db.placement.count()).toBe(13);
  });

  it('supervises the community team’s peer workers: a year of sessions for two, one overdue, records awaiting co-signature and amended, notes for the two in each session only', async () => {
    const team = await db.team.findFirstOrThrow({ where: { name: CMHT.name } });
    const [jade, marcus, sophie, managerPerson, hrPerson, amara, leon, hannah, ruth, tunde] = await Promise.all(
      [
        'peer.cmht@peerroles.test',
        'marcus.bennett@peerroles.test',
        'sophie.clarke@peerroles.test',
        'manager.cmht@peerroles.test',
        'hr@peerroles.test',
        SUPERVISION_PEOPLE.amara.email,
        SUPERVISION_PEOPLE.leon.email,
        SUPERVISION_PEOPLE.hannah.email,
        SUPERVISION_PEOPLE.ruth.email,
        SUPERVISION_PEOPLE.tunde.email,
      ].map(person),
    );
    const [manager, hr, peer] = await Promise.all([managerPerson, hrPerson, jade].map(currentUserOf));
    const today = addDays(new Date(), 0);
    const daysAgo = (date: Date) => Math.round((today.getTime() - addDays(date, 0).getTime()) / (24 * 60 * 60 * 1000));
    const agreementOf = async (userId: string) =>
      db.supervisionAgreement.findFirstOrThrow({
        where: { peerWorkerId: userId, teamId: team.id },
        include: { placement: true, arrangements: { include: { sessions: { orderBy: { heldOn: 'asc' }, include: { actions: true, comments: true } } } } },
      });

    // The five peer workers it adds are team members placed on the agreed role, with nothing open on their placements; they are not demo sign-ins.
    for (const who of [amara, leon, ruth, tunde, hannah]) {
      const placement = await db.placement.findFirstOrThrow({ where: { userId: who.id, teamId: team.id }, include: { roleVersion: { select: { status: true } } } });
      expect(placement).toMatchObject({ endedAt: null, peerSupervisorId: sophie.id, roleVersion: { status: 'AGREED' } });
      expect((await placementParity(db, placement.id)).open).toEqual([]);
      expect(who.passwordHash).toBeNull();
    }

    // Amara and Leon: a year and more of sessions of three types each, every one co-signed by the other party, none after today or before they started.
    for (const who of [amara, leon]) {
      const agreement = await agreementOf(who.id);
      expect(agreement.signedByPeerWorkerAt).not.toBeNull();
      expect(agreement.arrangements).toHaveLength(3);
      expect(agreement.arrangements.every((arrangement) => arrangement.signedBySupervisorAt && arrangement.sessions.length > 0)).toBe(true);
      const sessions = agreement.arrangements.flatMap((arrangement) => arrangement.sessions);
      expect(sessions.length).toBeGreaterThanOrEqual(25);
      expect(Math.max(...sessions.map((session) => daysAgo(session.heldOn)))).toBeGreaterThanOrEqual(350);
      expect(sessions.every((session) => session.heldOn >= agreement.placement.startDate && session.heldOn <= today)).toBe(true);
      expect(sessions.every((session) => session.cosignedAt && session.cosignedById && session.cosignedById !== session.recordedById)).toBe(true);
    }

    // Due and overdue as the manager's list shows it: Leon's peer supervision overdue, nobody else's.
    const listed = await listAgreements(manager, 1);
    expect(listed.items.map((item) => item.peerWorkerName).sort()).toEqual(['Amara Osei', 'Jade Thompson', 'Leon Walsh', 'Marcus Bennett', 'Ruth Byrne', 'Tunde Adebayo']);
    const overdue = listed.items.flatMap((item) => item.arrangements.filter((arrangement) => arrangement.state === 'OVERDUE').map((arrangement) => `${item.peerWorkerName} ${arrangement.type}`));
    expect(overdue).toEqual(['Leon Walsh PEER']);
    // Hannah, placed two weeks ago, waits for her manager to set up supervision.
    expect((await placementsWithoutAgreement(manager)).map((row) => row.name)).toEqual(['Hannah Kowalski']);
    expect(await db.supervisionAgreement.count({ where: { peerWorkerId: hannah.id } })).toBe(0);

    // Jade: two peer supervision sessions, two of line management (the latest recorded by her manager, not yet co-signed), reflective practice.
    const jades = await agreementOf(jade.id);
    const byType = new Map(jades.arrangements.map((arrangement) => [arrangement.type, arrangement.sessions]));
    expect(byType.get('PEER')).toHaveLength(2);
    expect(byType.get('LINE_MANAGEMENT')?.map((session) => session.cosignedAt === null)).toEqual([false, true]);
    expect(byType.get('GROUP_REFLECTIVE')?.length).toBeGreaterThanOrEqual(1);
    const unsigned = byType.get('LINE_MANAGEMENT')![1];
    expect(unsigned.recordedById).toBe(managerPerson.id);
    expect((await getSessionToRevise(manager, unsigned.id, 'change'))?.allowed).toBe(true);
    // Her first peer supervision: an action still open (carried over), one done, her comment; she may amend it, not having done so yet.
    const [first] = byType.get('PEER')!;
    expect(first.actions.map((action) => action.status).sort()).toEqual(['DONE', 'OPEN']);
    expect(first.comments).toEqual([expect.objectContaining({ authorId: jade.id })]);
    const asJade = await getSession(peer, first.id);
    expect(asJade?.private?.notes).toContain('first peer supervision');
    expect(asJade?.private?.comments).toEqual([expect.objectContaining({ text: expect.stringContaining('fair record') })]);
    expect(asJade?.canAmend).toBe(true);
    // Her manager sees that it happened, and none of it.
    const asManager = await getSession(manager, first.id);
    expect(asManager?.session.cosignedAt).not.toBeNull();
    expect(asManager?.private).toBeNull();
    // Jade's own home page list: nothing of hers overdue.
    expect((await supervisionDue(peer)).items.filter((row) => row.state === 'OVERDUE')).toEqual([]);

    // Marcus: a co-signed record with an amendment, both kept and both co-signed.
    const marcuss = await agreementOf(marcus.id);
    const amendments = marcuss.arrangements.flatMap((arrangement) => arrangement.sessions).filter((session) => session.amendsId);
    expect(amendments).toEqual([expect.objectContaining({ recordedById: marcus.id, cosignedById: sophie.id, cosignedAt: expect.any(Date) })]);
    expect(await db.supervisionSession.findUniqueOrThrow({ where: { id: amendments[0].amendsId! } })).toMatchObject({ cosignedAt: expect.any(Date), heldOn: amendments[0].heldOn });
    expect(await db.supervisionAction.count({ where: { agreementId: marcuss.id, status: 'OPEN' } })).toBeGreaterThanOrEqual(1);

    // Encrypted at rest under the configured key, each bound to its own record.
    for (const session of await db.supervisionSession.findMany({ select: { id: true, notes: true } })) {
      expect(keyIdOf(session.notes)).not.toBeNull();
      expect(decryptField(session.notes, { table: 'SupervisionSession', recordId: session.id, field: 'notes' }).length).toBeGreaterThan(50);
    }
    for (const action of await db.supervisionAction.findMany({ select: { id: true, text: true } })) expect(keyIdOf(action.text)).not.toBeNull();
    for (const comment of await db.supervisionComment.findMany({ select: { id: true, text: true } })) expect(keyIdOf(comment.text)).not.toBeNull();

    // Check-ins: figures for ended quarters only, worked out by the seed as the nightly job does. In the last quarter five
    // different peer workers answered in the team, so its figures show; in the quarters before, too few did. The crisis
    // team's three and the ward's two are too few too (see the test of the signs below).
    const figures = await getCheckInFigures(hr);
    expect(figures).toMatchObject({ current: quarterOf(new Date()), waitingFor: null });
    expect(figures!.workedOutAt).not.toBeNull();
    const [last, ...earlier] = figures!.trend;
    expect(last.quarter).toBe(previousQuarter(quarterOf(new Date())));
    expect(figures!.selected?.quarter).toBe(last.quarter);
    expect(figures!.selected?.teams.items).toEqual([
      expect.objectContaining({ name: WARD.name, figure: { shown: false, reason: 'TOO_FEW' } }),
      expect.objectContaining({ name: CMHT.name, figure: expect.objectContaining({ shown: true }) }),
      expect.objectContaining({ name: CRISIS_TEAM.name, figure: { shown: false, reason: 'TOO_FEW' } }),
    ]);
    expect(last.organisation.shown).toBe(true);
    expect(earlier.length).toBeGreaterThanOrEqual(2);
    for (const { quarter } of earlier) expect((await getCheckInFigures(hr, { quarter }))!.selected?.teams.items.find((row) => row.name === CMHT.name)?.figure).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect((await getCheckInFigures(manager))!.selected?.teams.items.find((row) => row.name === CMHT.name)?.figure.shown).toBe(true);
    // This quarter all seven answered; it is not shown while it is in progress.
    expect(new Set((await db.checkIn.findMany({ where: { teamId: team.id, answeredAt: { gte: quarterStart(quarterOf(new Date())) } }, select: { peerWorkerId: true } })).map((row) => row.peerWorkerId)).size).toBe(7);
    // In every team, only from peer workers with a placement in the team, after it started, never in the future.
    for (const checkIn of await db.checkIn.findMany({ include: { peerWorker: { select: { placements: { select: { teamId: true, startDate: true } } } } } })) {
      expect(checkIn.peerWorker.placements.some((placement) => placement.teamId === checkIn.teamId && placement.startDate <= checkIn.answeredAt)).toBe(true);
      expect(checkIn.answeredAt.getTime()).toBeLessThanOrEqual(Date.now());
    }

    // The library: published to the team and the organisation (found by search), Jade's proposal waiting for a peer supervisor, one withdrawn.
    const entries = await db.libraryEntry.findMany({ where: { teamId: team.id }, select: { status: true, scope: true, authorId: true, reviewedById: true } });
    expect(entries.filter((entry) => entry.status === 'PUBLISHED').map((entry) => entry.scope).sort()).toEqual(['ORGANISATION', 'TEAM', 'TEAM']);
    expect(entries.filter((entry) => entry.status === 'PUBLISHED').every((entry) => entry.reviewedById === sophie.id)).toBe(true);
    expect(entries.filter((entry) => entry.status === 'PROPOSED')).toEqual([expect.objectContaining({ authorId: jade.id, reviewedById: null })]);
    expect(entries.filter((entry) => entry.status === 'WITHDRAWN')).toEqual([expect.objectContaining({ authorId: leon.id })]);
    expect((await searchLibrary(peer, { q: 'boundaries', tag: '', page: 1 })).entries.items.length).toBeGreaterThanOrEqual(2);
    expect((await listProposals(await currentUserOf(sophie), 1))?.items.map((entry) => entry.title)).toEqual(['Deciding what of my story to share in my first weeks']);
  });

  it('adds no supervision to an archived team, or without a notes key, and then says why', async () => {
    const world = await buildWorld();
    await placedPeerWorker(world);
    const before = await counts();
    const context = (team: { id: string; name: string; archivedAt: Date | null }) => ({
      tx: db,
      team: () => team,
      // The world's placed peer worker stands in for Jade; nobody else the demo names is in this team.
      person: (email: string) => (email === 'peer.cmht@peerroles.test' ? world.peerWorker : world.newcomer),
      audit: async () => {
        throw new Error('nothing should be audited');
      },
    });
    const nothing = { people: 0, memberships: 0, placements: 0, sessions: 0, checkIns: 0, skipped: null };
    const saved = process.env.NOTES_ENCRYPTION_KEYS;
    try {
      delete process.env.NOTES_ENCRYPTION_KEYS;
      expect(await seedDemoSupervision(context(world.thisTeam))).toEqual({ ...nothing, skipped: expect.stringContaining('NOTES_ENCRYPTION_KEYS is not set') });
    } finally {
      process.env.NOTES_ENCRYPTION_KEYS = saved;
    }
    expect(await seedDemoSupervision(context({ ...world.thisTeam, archivedAt: new Date() }))).toEqual(nothing);
    // With the key, a team without the demo's agreed role gets nothing either.
    expect(await seedDemoSupervision(context(world.thisTeam))).toEqual(nothing);
    expect(await counts()).toEqual(before);
  });

  it('gives the community team an agreed role, agreed as the default policy asks, after a completed expectations check', async () => {
    const role = await seededRole(CMHT.name, 'Peer support worker');
    expect(role.draftChanged).toBe(false);
    expect(role.versions.map((version) => [version.number, version.status])).toEqual([[1, 'AGREED']]);
    const [version] = role.versions;
    expect(version.agreements.map((agreement) => agreement.group).sort()).toEqual(['HR', 'MANAGER', 'PEER_WORKER', 'STAFF']);
    expect(version.concerns).toEqual([]);
    expect(await getAgreedVersion(role.id)).toMatchObject({ id: version.id, number: 1, content: expect.objectContaining({ working: expect.objectContaining({ payBand: 'Band 3 (Agenda for Change)', hoursPerWeek: 22.5 }) }) });

    // The check: everyone answered, the manager closed it; its one contested activity was settled.
    const [check] = role.checks;
    expect(check.closedAt).toEqual(expect.any(Date));
    expect(check.participants.length).toBeGreaterThanOrEqual(6);
    expect(check.participants.every((participant) => participant.submittedAt !== null)).toBe(true);
    const manager = await currentUserOf(await person('manager.cmht@peerroles.test'));
    const results = await getExpectationCheck((await getRoleAccess(manager, role.id))!, manager.id, check.id);
    const contested = results!.activities.filter((activity) => activity.contested);
    expect(contested.map((activity) => activity.name)).toEqual(['Attending ward rounds or MDT meetings']);
    expect(contested[0].resolution).toMatchObject({ outcome: 'CLARIFIED', section: 'responsibilities' });
  });

  it('gives the early intervention team a role in review with some agreements, an open concern and an unsettled contested activity', async () => {
    const role = await seededRole(EIP.name, 'Peer support worker (early intervention)');
    expect(role.versions.map((version) => [version.number, version.status])).toEqual([[1, 'IN_REVIEW']]);
    const [version] = role.versions;
    const rep = await person('rep@peerroles.test');
    expect(version.reviewers.map((reviewer) => reviewer.group).sort()).toEqual(['HR', 'MANAGER', 'PEER_WORKER', 'SERVICE_USER_REP', 'STAFF', 'STAFF']);
    expect(version.reviewers.find((reviewer) => reviewer.userId === rep.id)?.group).toBe('SERVICE_USER_REP');
    expect(version.agreements.map((agreement) => agreement.group).sort()).toEqual(['HR', 'MANAGER', 'STAFF']);
    expect(version.concerns).toEqual([expect.objectContaining({ section: 'working', status: 'OPEN', replies: [expect.objectContaining({ body: expect.stringContaining('information governance') })] })]);
    await expect(getAgreedVersion(role.id)).rejects.toBeInstanceOf(RoleNotAgreedError);

    // The representative (a demo sign-in) sees the version and is asked to agree it.
    const repUser = await currentUserOf(rep);
    const repAccess = await getRoleAccess(repUser, role.id);
    // Still needed: a peer worker's or the representative's agreement, the open concern resolved, and (the default policy) the contested activity settled.
    expect(await getVersionDetail(repAccess!, 1)).toMatchObject({
      status: 'IN_REVIEW',
      agreement: {
        status: 'IN_REVIEW',
        openConcerns: 1,
        outstanding: [expect.objectContaining({ group: 'PEER_OR_REP' })],
        expectationsCheckMissing: false,
        unsettledContested: [expect.objectContaining({ name: 'Writing in clinical records', settled: false })],
      },
      expectations: { check: { closedAt: expect.any(Date), contested: [expect.objectContaining({ name: 'Writing in clinical records', resolution: null })], withheld: null }, newerCheck: null },
      maySeeCheck: true,
    });
    expect((await listPendingRequests(repUser)).reviews.map((review) => review.version.role.id)).toEqual([role.id]);

    // The check, closed: writing in clinical records is contested (peer workers say core, non-peer staff not part of it), not yet settled.
    const [check] = role.checks;
    expect(check.closedAt).toEqual(expect.any(Date));
    expect(check.resolutions).toEqual([]);
    const manager = await currentUserOf(await person('helen.price@peerroles.test'));
    const results = await getExpectationCheck((await getRoleAccess(manager, role.id))!, manager.id, check.id);
    const records = results!.activities.find((activity) => activity.name === 'Writing in clinical records')!;
    expect(records).toMatchObject({ contested: true, resolution: null });
    expect(records.groups.find((group) => group.group === 'PEER_WORKER')).toMatchObject({ leaning: 'CORE' });
    expect(records.groups.find((group) => group.group === 'STAFF')).toMatchObject({ leaning: 'NOT_PART' });
    const hr = await currentUserOf(await person('hr@peerroles.test'));
    // The check has closed, so those who took part see its results. The representative sees that it is contested, but no
    // figures: the manager and the peer worker, one each, are too few to hide behind the three non-peer staff's figures.
    // HR, who did not answer before it closed, sees the staff group.
    const repRecords = (await getExpectationCheck(repAccess!, repUser.id, check.id))!.activities.find((activity) => activity.name === 'Writing in clinical records')!;
    expect(repRecords).toEqual(expect.objectContaining({ contested: true, figuresWithheld: true, agreementScore: null, individual: null }));
    expect(repRecords.groups.every((group) => 'withheld' in group)).toBe(true);
    const hrRecords = (await getExpectationCheck((await getRoleAccess(hr, role.id))!, hr.id, check.id))!.activities.find((activity) => activity.name === 'Writing in clinical records')!;
    expect(hrRecords.groups).toEqual([
      { group: 'MANAGER', withheld: true },
      expect.objectContaining({ group: 'STAFF', total: 3, leaning: 'NOT_PART' }),
      { group: 'PEER_WORKER', withheld: true },
      { group: 'SERVICE_USER_REP', withheld: true },
    ]);
    // Closed: no longer a request for HR to answer.
    expect((await listPendingRequests(hr)).checks).toEqual([]);
  });

  it('gives the recovery college a draft that has not been submitted', async () => {
    const role = await seededRole(RECOVERY_COLLEGE.name, 'Peer trainer');
    expect(role).toMatchObject({ draftChanged: true, versions: [], checks: [] });
    const draft = parseContent(role.draft);
    expect(REQUIRED_FOR_SUBMISSION.filter((key) => !sectionIsComplete(draft, key))).toEqual(['supervision']);
    await expect(getAgreedVersion(role.id)).rejects.toBeInstanceOf(RoleNotAgreedError);
  });

  it('gives the crisis team an agreed role, four peer workers placed on it with nothing open, peer supervision on time and a library of its own', async () => {
    const team = await db.team.findFirstOrThrow({ where: { name: CRISIS_TEAM.name } });
    const role = await seededRole(CRISIS_TEAM.name, 'Peer support worker (crisis)');
    expect(role.versions.map((version) => [version.number, version.status])).toEqual([[1, 'AGREED']]);
    // Agreed under the default policy, by a peer worker among others, after a closed check that found nothing contested.
    expect(role.versions[0].agreements.map((agreement) => agreement.group).sort()).toEqual(['HR', 'MANAGER', 'PEER_WORKER', 'STAFF']);
    expect(role.checks).toEqual([expect.objectContaining({ closedAt: expect.any(Date) })]);
    expect(role.checks[0].participants.every((participant) => participant.submittedAt !== null)).toBe(true);
    expect((await expectationsEvidence(db, role.id)).check).toMatchObject({ contested: [] });

    const [rachel, sophie, manager, dev, megan, callum] = await Promise.all(
      ['rachel.ellis@peerroles.test', 'sophie.clarke@peerroles.test', 'joanne.pritchard@peerroles.test', 'dev.chauhan@peerroles.test', 'megan.foster@peerroles.test', 'callum.reid@peerroles.test'].map(person),
    );
    const mainMeeting = await db.teamMeeting.findFirstOrThrow({ where: { teamId: team.id, main: true } });
    const placements = await db.placement.findMany({ where: { teamId: team.id }, include: { roleVersion: { select: { status: true } }, plans: { include: { tasks: true } } } });
    expect(placements.map((placement) => placement.userId).sort()).toEqual([rachel.id, dev.id, megan.id, callum.id].sort());
    for (const placement of placements) {
      // The role's terms, the main meeting on a working day, Rachel the three's peer supervisor and Sophie hers; onboarding done.
      expect(placement).toMatchObject({ contractType: 'PERMANENT', band: 3, endedAt: null, lineManagerId: manager.id, peerSupervisorId: placement.userId === rachel.id ? sophie.id : rachel.id, roleVersion: { status: 'AGREED' } });
      expect(Number(placement.hoursPerWeek)).toBe(30);
      expect(placement.workingDays).toContain(mainMeeting.day);
      expect(placement.plans.flatMap((plan) => plan.tasks).every((task) => task.status === 'COMPLETED')).toBe(true);
      expect((await placementParity(db, placement.id)).issues).toEqual([]);
    }

    // Peer supervision every 4 weeks and line management every 6, on time, for months.
    const joanne = await currentUserOf(manager);
    const listed = await listAgreements(joanne, 1);
    expect(listed.items.map((item) => item.peerWorkerName).sort()).toEqual(['Callum Reid', 'Dev Chauhan', 'Megan Foster', 'Rachel Ellis']);
    for (const item of listed.items) {
      expect(item.arrangements.map((arrangement) => arrangement.type).sort()).toEqual(['LINE_MANAGEMENT', 'PEER']);
      expect(item.arrangements.every((arrangement) => arrangement.state !== 'OVERDUE')).toBe(true);
    }
    const agreements = await db.supervisionAgreement.findMany({ where: { teamId: team.id }, include: { arrangements: { include: { sessions: true } } } });
    for (const agreement of agreements) {
      expect(Object.fromEntries(agreement.arrangements.map((arrangement) => [arrangement.type, arrangement.everyWeeks]))).toEqual({ PEER: 4, LINE_MANAGEMENT: 6 });
      expect(agreement.arrangements.find((arrangement) => arrangement.type === 'PEER')!.sessions.length).toBeGreaterThanOrEqual(6);
    }

    // Four reflections published this year, each approved by a peer supervisor of the team who did not write it.
    const entries = await db.libraryEntry.findMany({ where: { teamId: team.id } });
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(entry).toMatchObject({ status: 'PUBLISHED', reviewedById: entry.authorId === rachel.id ? sophie.id : rachel.id });
      expect(await peerSupervisedTeams(db, entry.reviewedById!)).toContain(team.id);
      expect(entry.reviewedAt!.getTime()).toBeGreaterThan(Date.now() - 365 * 24 * 60 * 60 * 1000);
    }
  });

  it('gives the ward a role agreed by the representative in place of a peer worker, and two peer workers placed without a peer supervisor', async () => {
    const team = await db.team.findFirstOrThrow({ where: { name: WARD.name } });
    const role = await seededRole(WARD.name, 'Peer support worker (inpatient)');
    expect(role.versions.map((version) => [version.number, version.status])).toEqual([[1, 'AGREED']]);
    expect(role.versions[0].agreements.map((agreement) => agreement.group).sort()).toEqual(['HR', 'MANAGER', 'SERVICE_USER_REP', 'STAFF']);
    expect(await db.agreementRequirement.count({ where: { teamId: team.id } })).toBe(0);

    const [sophie, manager] = await Promise.all(['sophie.clarke@peerroles.test', 'angela.murray@peerroles.test'].map(person));
    const placements = await db.placement.findMany({ where: { teamId: team.id }, include: { changes: true } });
    expect(placements).toHaveLength(2);
    for (const placement of placements) {
      // No peer supervisor named since the manager took Sophie's name off: that, and no other parity issue, is open.
      expect(placement).toMatchObject({ contractType: 'PERMANENT', band: 3, peerSupervisorId: null, lineManagerId: manager.id });
      expect(placement.changes).toEqual([expect.objectContaining({ changedById: manager.id, before: { peerSupervisorId: sophie.id }, after: { peerSupervisorId: null } })]);
      expect((await placementParity(db, placement.id)).open.map((issue) => issue.kind)).toEqual(['NO_PEER_SUPERVISOR']);
    }
    // Line management only.
    const arrangements = await db.supervisionArrangement.findMany({ where: { agreement: { teamId: team.id } } });
    expect(arrangements.map((arrangement) => arrangement.type)).toEqual(['LINE_MANAGEMENT', 'LINE_MANAGEMENT']);
    // One reflection, approved by Sophie while she was still named (before the change took her name off).
    const [entry] = await db.libraryEntry.findMany({ where: { teamId: team.id } });
    expect(entry).toMatchObject({ status: 'PUBLISHED', reviewedById: sophie.id });
    expect(entry.reviewedAt!.getTime()).toBeLessThan(Math.min(...placements.flatMap((placement) => placement.changes.map((change) => change.createdAt.getTime()))));
    expect(await peerSupervisedTeams(db, sophie.id)).not.toContain(team.id);
  });

  it('shows every early-warning sign red, amber and green somewhere: the crisis team green on all four, the ward in between', async () => {
    const rows = await db.teamMeasures.findMany({ include: { team: { select: { name: true } } } });
    expect(rows).toHaveLength(5);
    const levels = new Map(rows.map((row) => [row.team.name, Object.fromEntries(SIGNS.map((sign) => [sign, readSigns(measuresFrom(row.measures), DEFAULT_THRESHOLDS)[sign].level])) as Record<Sign, Level>]));
    // As the nightly job stores them, under the default thresholds.
    for (const row of rows) {
      const read = levels.get(row.team.name)!;
      expect([row.expectations, row.arrangements, row.supervision, row.sharedView]).toEqual(SIGNS.map((sign) => LEVEL_ORDER[read[sign]]));
    }
    expect(levels.get(CRISIS_TEAM.name)).toEqual({ EXPECTATIONS: 'GREEN', ARRANGEMENTS: 'GREEN', SUPERVISION: 'GREEN', SHARED_VIEW: 'GREEN' });
    expect(levels.get(WARD.name)).toEqual({ EXPECTATIONS: 'GREEN', ARRANGEMENTS: 'AMBER', SUPERVISION: 'RED', SHARED_VIEW: 'AMBER' });
    for (const sign of SIGNS) {
      const seen = [...levels.values()].map((teamLevels) => teamLevels[sign]);
      expect(['RED', 'AMBER', 'GREEN'].filter((level) => !seen.includes(level as Level))).toEqual([]);
    }

    // Why: the crisis team's check-in averages are withheld (nothing to measure), the rest of its figures within the thresholds.
    const crisis = rows.find((row) => row.team.name === CRISIS_TEAM.name)!;
    const crisisSigns = readSigns(measuresFrom(crisis.measures), DEFAULT_THRESHOLDS);
    expect(crisisSigns.SHARED_VIEW.indicators.map((indicator) => [indicator.key, indicator.level])).toEqual([
      ['clearRole', 'NONE'],
      ['practiseAsPeer', 'NONE'],
      ['libraryEntries', 'GREEN'],
      ['agreedWithoutPeerWorker', 'GREEN'],
    ]);
    // The ward: two open parity issues (no peer supervisor), no peer supervision and boundaries above all, agreed without a peer worker, one entry.
    const ward = measuresFrom(rows.find((row) => row.team.name === WARD.name)!.measures);
    expect(ward).toMatchObject({ openParityIssues: 2, insecurePlacements: 0, mainMeetingOnDayOff: 0, peerSessions: 0, withoutPeerSupervision: 2, livedExperienceTopics: 0, agreedWithoutPeerWorker: 1, libraryEntries: 1, clearRole: null });

    // The last ended quarter's check-in figures: the CMHT's five shown; the crisis team's three and the ward's two withheld as
    // too few; the organisation's ten shown. Together the withheld teams hold five people, so the organisation's figure less
    // the CMHT's gives nobody away. Without the ward's two, the rule would withhold the CMHT's figure too (WOULD_REVEAL).
    const last = previousQuarter(quarterOf(new Date()));
    const stored = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: last }, include: { teams: { include: { team: { select: { name: true } } } } } });
    expect(stored.organisation).toMatchObject({ shown: true });
    expect(Object.fromEntries(stored.teams.map((row) => [row.team.name, row.figure]))).toEqual({
      [CMHT.name]: expect.objectContaining({ shown: true }),
      [CRISIS_TEAM.name]: { shown: false, reason: 'TOO_FEW' },
      [WARD.name]: { shown: false, reason: 'TOO_FEW' },
    });
    const answers = await db.checkIn.findMany({ where: { answeredAt: { gte: quarterStart(last), lt: quarterStart(quarterOf(new Date())) } }, include: { team: { select: { name: true } } } });
    const people = (teamName: string) => new Set(answers.filter((row) => row.team.name === teamName).map((row) => row.peerWorkerId)).size;
    expect([people(CMHT.name), people(CRISIS_TEAM.name), people(WARD.name)]).toEqual([5, 3, 2]);
    const rowsOf = (teamNames: string[]) =>
      answers
        .filter((row) => teamNames.includes(row.team.name))
        .map((row) => ({ peerWorkerId: row.peerWorkerId, teamId: row.teamId, answeredAt: row.answeredAt, answers: { supported: row.supported, clearRole: row.clearRole, equalMember: row.equalMember, experienceValued: row.experienceValued, practiseAsPeer: row.practiseAsPeer } }));
    const cmhtId = (await db.team.findFirstOrThrow({ where: { name: CMHT.name } })).id;
    const [withoutWard] = checkInFigures(rowsOf([CMHT.name, CRISIS_TEAM.name]), CHECK_IN_MINIMUM);
    expect(withoutWard.teams.get(cmhtId)).toEqual({ shown: false, reason: 'WOULD_REVEAL' });
    expect(withoutWard.organisation.shown).toBe(true);
  });

  it('writes role content that the app reads as it is, section by section', async () => {
    for (const row of [...(await db.role.findMany({ select: { draft: true } })).map((role) => role.draft), ...(await db.roleVersion.findMany({ select: { content: true } })).map((version) => version.content)]) {
      expect(roleContentSchema.safeParse(row).error?.issues ?? []).toEqual([]);
    }
  });

  it('adds nothing when run again, and leaves changes made in the app alone', async () => {
    const cmht = await db.team.findFirstOrThrow({ where: { name: SEED_TEAMS[0].name } });
    await db.team.update({ where: { id: cmht.id }, data: { description: 'Changed by an administrator' } });
    await db.user.update({ where: { email: 'staff.cmht@peerroles.test' }, data: { jobTitle: 'Senior community nurse' } });
    const eip = await db.team.findFirstOrThrow({ where: { name: SEED_TEAMS[1].name } });
    await db.team.update({ where: { id: eip.id }, data: { archivedAt: new Date() } });

    const peerTrainer = await db.role.findFirstOrThrow({ where: { title: 'Peer trainer' } });
    await db.role.update({ where: { id: peerTrainer.id }, data: { draft: { ...(peerTrainer.draft as object), progression: { text: 'Written in the app' } }, draftVersion: { increment: 1 } } });
    const before = await counts();

    const outcome = await runSeed(null);
    expect(outcome.created).toEqual(NOTHING_CREATED);
    // The administrator still has no password, so a fresh link replaces the old one.
    expect(outcome.adminLinkPath).toMatch(/^\/set-password\//u);
    expect(await counts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect((await db.team.findUniqueOrThrow({ where: { id: cmht.id } })).description).toBe('Changed by an administrator');
    expect((await db.user.findUniqueOrThrow({ where: { email: 'staff.cmht@peerroles.test' } })).jobTitle).toBe('Senior community nurse');
    expect((await db.team.findUniqueOrThrow({ where: { id: eip.id } })).archivedAt).not.toBeNull();
    expect(parseContent((await db.role.findUniqueOrThrow({ where: { id: peerTrainer.id } })).draft).progression.text).toBe('Written in the app');
  });

  it('adds no demo role to an archived team, or one whose people can no longer speak for the team', async () => {
    const world = await buildWorld();
    const archived = await createTeam({ archived: true });
    const before = await counts();
    const context = (team: { id: string; name: string; archivedAt: Date | null }) => ({
      tx: db,
      team: () => team,
      // Nobody the demo roles name is in these teams.
      person: () => world.newcomer,
      audit: async () => {
        throw new Error('nothing should be audited');
      },
    });
    expect(await seedDemoRoles(context(archived), SEED_ROLES)).toEqual([]);
    expect(await seedDemoRoles(context(world.thisTeam), SEED_ROLES)).toEqual([]);
    expect(DEMO_ROLES).toHaveLength(3);
    expect(SEED_ROLES).toHaveLength(5);
    expect(await counts()).toEqual(before);
  });

  it('in the demo database: gives the seven demo accounts, and only them, the demo password', async () => {
    const demoAccounts = demoAccountsFromScript();
    const outcome = await runSeed(await hashOfTestPassword(), demoAccounts);
    expect(outcome.demoPasswordsSet).toBe(7);
    expect(outcome.adminLinkPath).toBeNull();
    const withPasswords = await db.user.findMany({ where: { passwordHash: { not: null } }, select: { email: true } });
    expect(withPasswords.map((user) => user.email).sort()).toEqual(demoAccounts.map((account) => account.email).sort());

    let address = 0;
    for (const account of demoAccounts) {
      const outcomeOfSignIn = await attemptSignIn({ email: account.email, password: TEST_PASSWORD, ipAddress: `203.0.113.${(address += 1)}` });
      expect(outcomeOfSignIn).toMatchObject({ ok: true });
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { memberships: { include: { team: true } } } });
      expect(user.orgRole).toBe(account.orgRole);
      const cmhtRole = user.memberships.find((membership) => membership.team.name === SEED_TEAMS[0].name)?.role ?? null;
      expect(cmhtRole).toBe(account.teamRole);
    }

    const again = await runSeed(await hashOfTestPassword(), demoAccounts);
    expect(again).toEqual({ created: NOTHING_CREATED, demoPasswordsSet: 0, adminLinkPath: null, supervisionSkipped: null });
  });
});
