// The demo's ward, Ashby Ward (adult acute inpatient) (prisma/seed.ts
// SEED_TEAMS): what the early-warning signs look like when peer workers are
// placed without peer supervision.
//
// - Its role, "Peer support worker (inpatient)", was agreed under the default
//   policy without a peer worker: by the ward manager, the charge nurse, HR and
//   Margaret Evans, the service-user representative, whom the policy accepts
//   in place of a peer worker. There was no expectations check (the default
//   policy does not ask for one).
// - Two peer workers placed on it, permanent, at the role's band and hours,
//   working on the days of the ward's meetings and with the systems their
//   colleagues have. Sophie Clarke was named their peer supervisor while the
//   trust peer support network lent her to the ward, but no peer supervision
//   was written into their agreements, and four months ago the manager took her
//   name off both placements: nobody has been named since, so each has that
//   parity issue open, and nothing else.
// - Supervision: line management only, every 6 weeks, mostly about being asked
//   to act outside the peer role.
// - Check-ins: both answered in the last ended quarter and in this one: too
//   few for figures. With the crisis team's three, the teams withheld last
//   quarter hold five people, so the organisation's figure minus the
//   community team's gives nobody away and the community team's figure can be
//   shown (lib/supervision/rules.ts checkInFigures); without the ward's two,
//   it would be withheld too.
// - The library: one reflection, approved by Sophie while she was named.
//
// Notes are written as a supervisor would, and name nobody the peer workers
// support. Dates are relative to the day the seed runs. The role is added with
// the other demo roles (prisma/demo-roles.ts seedDemoRoles); the rest by
// seedDemoInpatientWard, idempotent, its supervision only with a notes key.
import { addDays } from '@/lib/onboarding/rules';
import type { RoleContent } from '@/lib/roles/rules';
import { quarterOf, quarterStart } from '@/lib/supervision/rules';
import { createCheckIn } from '../tests/factories/supervision';
import { agreedRoleOf, at, DAY_MS, lastOn, placedOnce, placeOnboarded, recordMeetings, recordSystems, type DemoPlacement } from './demo-placements';
import { agreed, invited, submitted, type DemoPerson, type DemoRole, type DemoRoleContext } from './demo-roles';
import { checkInAnswers, libraryWriter, notesKeyProblem, regularSessions, supervisionRecorder, thisQuarterMoment, type Note, type TeamDemoOutcome } from './demo-supervision-records';

export const INPATIENT_WARD = 'Ashby Ward (adult acute inpatient)';
const ROLE_TITLE = 'Peer support worker (inpatient)';

const MANAGER = 'angela.murray@peerroles.test';
const CHARGE_NURSE = 'patrick.nolan@peerroles.test';
const SYSTEMS = ['NHS email', 'RiO (electronic patient record)', 'Shared drive'] as const;

/** The ward's peer workers: when they started (on a Monday), and when Sophie stepped back. */
const PEER_WORKERS = {
  zainab: { email: 'zainab.hussain@peerroles.test', startedDaysAgo: 270 },
  liam: { email: 'liam.turner@peerroles.test', startedDaysAgo: 215 },
} as const;
const PEER_SUPERVISOR_REMOVED_DAYS_AGO = 120;

export const INPATIENT_ROLE_CONTENT: RoleContent = {
  purpose: {
    text: [
      'To offer peer support to adults staying on Ashby Ward, drawing on your own lived experience of mental distress, of being in hospital and of recovery.',
      'To help people feel less alone during their admission, have their say in decisions about their care, and prepare for going home.',
    ].join('\n'),
  },
  values: { selected: ['Hope', 'Mutuality', 'Lived experience as expertise', 'Recovery-focused', 'Non-directive'], notes: '' },
  responsibilities: {
    items: [
      'Offer one-to-one peer support to people on the ward, at a time they choose',
      'Co-facilitate the ward community meeting and a weekly recovery group',
      'Help people prepare for their ward reviews and say what matters to them',
      'Support people to plan for going home, with the community team where there is one',
      'Share your own experience of hospital and recovery where it may help',
    ],
  },
  notPart: {
    items: ['Carrying out observations', 'Escorting people on leave as a member of staff', 'Administering or supervising medication', 'Taking part in restraint or seclusion'],
  },
  working: {
    contractType: 'PERMANENT',
    hoursPerWeek: 30,
    workingDays: ['MON', 'TUE', 'WED', 'THU'],
    payBand: 'Band 3 (Agenda for Change)',
    base: 'Ashby Ward, Westmoor Hospital',
    teamMeetings: true,
    recordsAccess: true,
    sameIt: true,
  },
  supervision: {
    arrangements: [
      { type: 'PEER_SUPERVISION', provider: 'Trust peer support network', everyWeeks: 4 },
      { type: 'LINE_MANAGEMENT', provider: 'Ward manager', everyWeeks: 6 },
    ],
  },
  training: { text: 'Trust induction and mandatory training, the same as every new colleague, including breakaway training.\nPeer support training mapped to the Health Education England competence framework.' },
  progression: { text: 'Support to apply for senior peer support worker posts across the trust.' },
};

export const INPATIENT_WARD_ROLE: DemoRole = {
  team: INPATIENT_WARD,
  title: ROLE_TITLE,
  content: INPATIENT_ROLE_CONTENT,
  createdBy: MANAGER,
  people: [MANAGER, CHARGE_NURSE, 'rep@peerroles.test', 'hr@peerroles.test'],
  async build(context, role) {
    // Agreed by the representative in place of a peer worker, as the default policy allows (PEER_OR_REP).
    const reviewers = [MANAGER, CHARGE_NURSE, 'rep@peerroles.test', 'hr@peerroles.test'];
    const version = await submitted(context, role, MANAGER);
    await invited(context, version, reviewers, MANAGER);
    await agreed(context, version, reviewers);
  },
};

/** Line management notes, used in turn. Nobody supported is named or described. */
const NOTES: Note[] = [
  {
    topics: ['outside-role', 'role-clarity'],
    notes:
      'They were asked again to make up the numbers on the observation rota when the ward was short. We went back to the role description: observations are not part of the peer role. I will raise the staffing with the matron rather than fill gaps with peer workers.',
    action: { text: 'Raise the use of peer workers on the observation rota with the matron', bySupervisor: true },
  },
  {
    topics: ['own-boundaries', 'wellbeing'],
    notes:
      'A hard fortnight, with several admissions under section. They have found some of it difficult to witness, given their own experience of admission. We talked about stepping away when they need to and who they can talk to afterwards; they said they miss having peer supervision to bring this to.',
  },
  {
    topics: ['caseload', 'training'],
    notes: 'Went through the training record: breakaway training is due and booked. Their time on the ward is mostly one-to-one and the community meeting; they would like to start a recovery group, which I support.',
  },
  {
    topics: ['outside-role', 'team-relationships'],
    notes:
      'A nurse asked them to escort someone on leave, as a member of staff. They said no and felt it was not well received. I will talk to the team at the business meeting about what the peer role is and is not.',
    action: { text: 'Talk to the ward team about the peer role at the business meeting', bySupervisor: true },
  },
];

/**
 * The ward's meetings and systems, its two peer workers' placements (with the
 * change that took Sophie's name off them), and (with a notes key) their line
 * management, check-ins and library. Adds nothing when the ward is archived or
 * its role has no agreed version; a placement once a peer worker has one in
 * the ward; supervision once Zainab's placement has an agreement.
 */
export async function seedDemoInpatientWard(context: DemoRoleContext): Promise<TeamDemoOutcome> {
  const outcome: TeamDemoOutcome = { placements: 0, sessions: 0, checkIns: 0, skipped: null };
  const { tx } = context;
  const team = context.team(INPATIENT_WARD);
  if (team.archivedAt) return outcome;
  const found = await agreedRoleOf(tx, team, ROLE_TITLE);
  if (!found) return outcome;
  const now = new Date();
  const today = addDays(now, 0);
  const [manager, hr, sophie] = [MANAGER, 'hr@peerroles.test', 'sophie.clarke@peerroles.test'].map(context.person);

  // 1. Onboarding: the meetings (on days both peer workers work), the same systems for everyone, the placements.
  await recordMeetings(context, team, [
    { name: 'Multidisciplinary ward review', day: 'TUE', time: '10:00', main: true },
    { name: 'Ward community meeting', day: 'THU', time: '11:00', main: false },
  ]);
  const members = await tx.teamMembership.findMany({ where: { teamId: team.id }, select: { user: { select: { email: true } } } });
  await recordSystems(context, team, Object.fromEntries(members.map((member) => [member.user.email, SYSTEMS])));
  const removedOn = addDays(today, -PEER_SUPERVISOR_REMOVED_DAYS_AGO);
  const placed = {} as Record<keyof typeof PEER_WORKERS, { person: DemoPerson; placement: DemoPlacement }>;
  for (const [key, spec] of Object.entries(PEER_WORKERS) as Array<[keyof typeof PEER_WORKERS, (typeof PEER_WORKERS)[keyof typeof PEER_WORKERS]]>) {
    const person = context.person(spec.email);
    // The role's contract, band, hours and days; Sophie named as peer supervisor, until the manager took her name off.
    const { placement, created } = await placedOnce(tx, team, person, async () => {
      const made = await placeOnboarded(
        context,
        team,
        person,
        found.version,
        manager,
        { startDate: lastOn(addDays(today, -spec.startedDaysAgo), 'MON'), contractType: 'PERMANENT', band: 3, hoursPerWeek: 30, workingDays: ['MON', 'TUE', 'WED', 'THU'], lineManager: manager, peerSupervisor: sophie, hr, template: found.template },
        now,
      );
      await tx.placement.update({ where: { id: made.id }, data: { peerSupervisorId: null, version: { increment: 1 } } });
      await tx.placementChange.create({ data: { placementId: made.id, changedById: manager.id, before: { peerSupervisorId: sophie.id }, after: { peerSupervisorId: null }, createdAt: at(removedOn, 11) } });
      await context.audit('seed.onboarding.placement.change', 'Placement', made.id, `changed ${person.name}'s placement in ${team.name}: peer supervisor`);
      return made;
    });
    if (created) outcome.placements += 1;
    placed[key] = { person, placement };
  }

  // 2. Line management only, once.
  if (await tx.supervisionAgreement.findUnique({ where: { placementId: placed.zainab.placement.id }, select: { id: true } })) return outcome;
  outcome.skipped = notesKeyProblem();
  if (outcome.skipped) return outcome;
  const recorder = supervisionRecorder(context, { setUpBy: manager, now });
  for (const [index, { person, placement }] of Object.values(placed).entries()) {
    const started = placement.startDate;
    const { arrangements } = await recorder.agreementOf(placement, person, addDays(started, 1), [{ type: 'LINE_MANAGEMENT', supervisor: manager, everyWeeks: 6, startsOn: addDays(started, 8) }]);
    await recorder.record(arrangements.get('LINE_MANAGEMENT')!, person, regularSessions(NOTES, person, manager, { from: addDays(started, 8), until: addDays(today, -1), everyWeeks: 6, offset: index }, today));
  }
  outcome.sessions = recorder.sessions;

  // 3. Check-ins: both, in the last ended quarter and in this one.
  const lastQuarterMiddle = new Date(quarterStart(quarterOf(now)).getTime() - 45 * DAY_MS);
  const both = Object.values(placed);
  for (const [index, { person, placement }] of both.entries()) {
    await createCheckIn(person, team, { answers: checkInAnswers(3, index === 0 ? -0.2 : 0), answeredAt: at(lastQuarterMiddle, 24 * (3 + index * 4) + 14) }, tx);
    await createCheckIn(person, team, { answers: checkInAnswers(3, -0.1), answeredAt: thisQuarterMoment(now, placement.startDate, index, both.length) }, tx);
  }
  outcome.checkIns = 2 * both.length;
  await context.audit('seed.supervision.checkins', 'Team', team.id, `recorded ${outcome.checkIns} check-ins by peer workers in ${team.name}`);

  // 4. The library: Zainab's reflection, approved by Sophie while she was named peer supervisor on the ward.
  await libraryWriter(context, team, sophie)(placed.zainab.person, {
    status: 'PUBLISHED',
    scope: 'TEAM',
    showName: false,
    writtenOn: addDays(removedOn, -55),
    title: 'Being alongside at a ward review',
    situation: 'Someone on the ward was frightened of their first ward review and did not want to go in alone.',
    whatIDid: 'With their agreement I went in with them, helped them write down beforehand what they wanted to say, and afterwards talked through what had been decided.',
    whatILearned: 'Being alongside is different from speaking for someone. They spoke for themselves; I helped them feel able to.',
    tags: ['ward review', 'being alongside', 'inpatient'],
  });
  return outcome;
}
