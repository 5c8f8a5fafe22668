// The demo's crisis team, Westmoor Crisis Resolution and Home Treatment Team
// (prisma/seed.ts SEED_TEAMS): where things go as the research hopes, green on
// every early-warning sign.
//
// - Its role, "Peer support worker (crisis)", went through an expectations
//   check that everyone answered and that found nothing contested; the manager
//   closed it, sharing its results, and version 1 was agreed under the default
//   policy by the manager, a crisis practitioner, the senior peer worker and HR.
// - Four peer workers placed on that version, fully onboarded: permanent, the
//   role's band and hours, working on the days of the team's meetings, with the
//   systems their colleagues have. Rachel Ellis, the senior peer support
//   worker, is peer supervisor to the other three; Sophie Clarke is hers.
// - Supervision: peer supervision every 4 weeks and line management every 6,
//   on time, since each started; the sessions are more about using lived
//   experience than about boundaries.
// - Check-ins: in the last ended quarter only Dev, Megan and Callum answered,
//   fewer than the small-numbers threshold, so the team's figures are withheld
//   (its check-in averages have nothing to measure); all four answer in the
//   quarter in progress.
// - The library: four reflections published in the last year, the three's
//   approved by Rachel, hers by Sophie (each a peer supervisor of a current
//   placement in the team, as lib/supervision/access.ts asks).
//
// Notes are written as a supervisor would, and name nobody the peer workers
// support. Dates are relative to the day the seed runs. The role is added with
// the other demo roles (prisma/demo-roles.ts seedDemoRoles); the rest by
// seedDemoCrisisTeam, idempotent, its supervision only with a notes key.
import type { Weekday } from '@/lib/onboarding/rules';
import { addDays } from '@/lib/onboarding/rules';
import type { RoleContent } from '@/lib/roles/rules';
import { quarterOf, quarterStart } from '@/lib/supervision/rules';
import { createCheckIn } from '../tests/factories/supervision';
import { agreedRoleOf, at, DAY_MS, lastOn, placedOnce, placeOnboarded, recordMeetings, recordSystems, type DemoPlacement } from './demo-placements';
import { agreed, answering, closedExpectationsCheck, invited, submitted, type DemoPerson, type DemoRole, type DemoRoleContext } from './demo-roles';
import { checkInAnswers, libraryWriter, notesKeyProblem, regularSessions, supervisionRecorder, thisQuarterMoment, type Note, type TeamDemoOutcome } from './demo-supervision-records';

export const CRISIS_TEAM = 'Westmoor Crisis Resolution and Home Treatment Team';
const ROLE_TITLE = 'Peer support worker (crisis)';

const MANAGER = 'joanne.pritchard@peerroles.test';
const NURSE = 'kerry.lloyd@peerroles.test';
const SYSTEMS = ['NHS email', 'RiO (electronic patient record)', 'Shared drive'] as const;

/** The peer workers, the senior first, with when they started and the days they work (every one includes Tuesday and Thursday, the meetings' days). */
const PEER_WORKERS = {
  rachel: { email: 'rachel.ellis@peerroles.test', startedDaysAgo: 330, workingDays: ['MON', 'TUE', 'WED', 'THU'] },
  dev: { email: 'dev.chauhan@peerroles.test', startedDaysAgo: 260, workingDays: ['TUE', 'WED', 'THU', 'FRI'] },
  megan: { email: 'megan.foster@peerroles.test', startedDaysAgo: 230, workingDays: ['MON', 'TUE', 'THU', 'FRI'] },
  callum: { email: 'callum.reid@peerroles.test', startedDaysAgo: 200, workingDays: ['TUE', 'THU', 'SAT', 'SUN'] },
} as const satisfies Record<string, { email: string; startedDaysAgo: number; workingDays: Weekday[] }>;

export const CRISIS_ROLE_CONTENT: RoleContent = {
  purpose: {
    text: [
      'To offer peer support to adults in a mental health crisis who are supported at home by Westmoor Crisis Resolution and Home Treatment Team, drawing on your own lived experience of crisis and recovery.',
      'To help people and their families hold on to hope through the crisis, and to plan with them for the weeks after the team steps back.',
    ].join('\n'),
  },
  values: { selected: ['Hope', 'Mutuality', 'Reciprocity', 'Lived experience as expertise', 'Recovery-focused', 'Non-directive', 'Inclusive'], notes: 'Being alongside people at the hardest time' },
  responsibilities: {
    items: [
      'Visit people at home with a colleague in the first days of home treatment, and offer peer support alongside the team’s care',
      'Share your own experience of crisis and recovery purposefully, when it may help the person',
      'Help people write their own crisis and safety plans, in their own words',
      'Offer peer support to families and carers during the crisis',
      'Support people through discharge from the team and their first weeks afterwards, including follow-up visits',
      'Bring a peer perspective to the team meeting and the daily handover',
      'Record your contacts in the clinical records system (RiO), as colleagues do',
    ],
  },
  notPart: {
    items: [
      'Carrying out observations',
      'Administering or prompting medication',
      'Carrying out formal risk assessments or Mental Health Act assessments',
      'Acting as a substitute for a clinician on a visit',
      'Visiting alone where the team’s lone-working policy asks for two',
    ],
  },
  working: {
    contractType: 'PERMANENT',
    hoursPerWeek: 30,
    workingDays: ['TUE', 'WED', 'THU', 'FRI'],
    payBand: 'Band 3 (Agenda for Change)',
    base: 'Westmoor crisis team base, Hospital Lane, with visits at home',
    teamMeetings: true,
    recordsAccess: true,
    sameIt: true,
  },
  supervision: {
    arrangements: [
      { type: 'PEER_SUPERVISION', provider: 'Senior peer support worker in the team', everyWeeks: 4 },
      { type: 'LINE_MANAGEMENT', provider: 'Crisis team manager', everyWeeks: 6 },
    ],
  },
  training: {
    text: [
      'Trust induction and mandatory training, the same as every new colleague, including lone working and breakaway.',
      'Peer support training mapped to the Health Education England competence framework.',
      'Crisis and suicide prevention training with the rest of the team.',
    ].join('\n'),
  },
  progression: { text: 'Senior peer support worker (Band 4) after a year in post, with training in peer supervision.' },
};

/** What a crisis team expects of its peer workers, on top of the usual answers: nothing here divides the groups. */
const CRISIS_ANSWERS = { 'Crisis support': 'CORE', 'Discharge and transition support': 'CORE', 'Supporting families and carers': 'SOMETIMES', 'Phone check-ins': 'SOMETIMES' } as const;

export const CRISIS_TEAM_ROLE: DemoRole = {
  team: CRISIS_TEAM,
  title: ROLE_TITLE,
  content: CRISIS_ROLE_CONTENT,
  createdBy: MANAGER,
  people: [MANAGER, NURSE, 'imran.qureshi@peerroles.test', PEER_WORKERS.rachel.email, PEER_WORKERS.dev.email, 'hr@peerroles.test'],
  async build(context, role) {
    await closedExpectationsCheck(context, role, MANAGER, {
      [MANAGER]: answering({ ...CRISIS_ANSWERS, 'Phone check-ins': 'CORE' }),
      [NURSE]: answering({ ...CRISIS_ANSWERS, 'Writing in clinical records': 'CORE' }),
      'imran.qureshi@peerroles.test': answering({ ...CRISIS_ANSWERS, 'Attending ward rounds or MDT meetings': 'SOMETIMES' }),
      [PEER_WORKERS.rachel.email]: answering({ ...CRISIS_ANSWERS, 'Supporting families and carers': 'CORE', 'Writing in clinical records': 'CORE' }),
      [PEER_WORKERS.dev.email]: answering({ ...CRISIS_ANSWERS, 'Phone check-ins': 'CORE' }),
      'hr@peerroles.test': answering(CRISIS_ANSWERS),
    });
    const version = await submitted(context, role, MANAGER);
    const reviewers = [MANAGER, NURSE, PEER_WORKERS.rachel.email, 'hr@peerroles.test'];
    await invited(context, version, reviewers, MANAGER);
    await agreed(context, version, reviewers);
  },
};

/** Session notes by type, used in turn. Nobody supported is named or described. */
const NOTES: { PEER: Note[]; LINE_MANAGEMENT: Note[] } = {
  PEER: [
    {
      topics: ['lived-experience', 'role-clarity'],
      notes:
        'We talked about the first visit of a home treatment episode, when people are often frightened and exhausted. They have found that saying early on that they have been in crisis themselves changes the tone of the visit, and we thought about how to say it briefly and then keep the focus on the person.',
      action: { text: 'Try mentioning my own experience in the first phone call, and bring back how it went' },
    },
    {
      topics: ['sharing-story', 'lived-experience'],
      notes:
        'A family asked them what helped them come through their own crisis. We went through what they shared and what they kept back, and agreed that answering a family’s question is different from sharing with the person themselves. They felt it helped the family hold on to hope.',
    },
    {
      topics: ['lived-experience', 'team-relationships'],
      notes:
        'The team now asks for a peer view at the daily handover. They brought one example where their reading of someone’s distress differed from the risk summary, and how they said so. We talked about putting lived experience into the team’s language without losing what makes it different.',
    },
    {
      topics: ['own-boundaries', 'wellbeing'],
      notes:
        'A run of late visits and a hard week. They noticed their own sleep slipping, which for them is an early sign. We looked at their wellbeing plan together; they will swap one late shift and take the time back.',
      action: { text: 'Swap one late shift next week and take the time back' },
    },
    {
      topics: ['sharing-story', 'training'],
      notes:
        'Preparing to co-deliver the team’s session for new staff on what a crisis feels like from the inside. We chose the parts of their story that carry the message and practised the short version.',
      action: { text: 'Ask two colleagues for feedback after the session for new staff' },
    },
    {
      topics: ['lived-experience', 'outside-role'],
      notes:
        'A colleague suggested they could prompt medication on a visit to save a second trip. They said it was not part of the peer role and offered to stay with the person until the nurse came. We reflected on how their own experience of being medicated under pressure is why that line matters.',
    },
  ],
  LINE_MANAGEMENT: [
    {
      topics: ['caseload', 'training'],
      notes:
        'Went through the rota and the training record: mandatory training is up to date and the crisis and suicide prevention course is booked. The balance of visits and phone contact feels right; weekend shifts stay at two a month.',
    },
    {
      topics: ['wellbeing', 'team-relationships'],
      notes: 'Checked in on workload and wellbeing after a busy month for the team. They feel part of the handover now, and said so. They have been using the debrief after difficult visits.',
    },
    {
      topics: ['role-clarity', 'lived-experience'],
      notes:
        'We looked at the role description against the last six weeks. Most of their time goes on the first days of home treatment and on planning discharge with people, which is what the role is for. They would like more time for follow-up visits after discharge.',
      action: { text: 'Look at the rota to give peer workers time for follow-up visits after discharge', bySupervisor: true },
    },
    {
      topics: ['training', 'caseload'],
      notes: 'Annual leave booked and the appraisal date set. They would like to take the peer supervision training next year; we agreed it fits their development plan.',
      action: { text: 'Apply for the trust’s peer supervision training' },
    },
  ],
};

/**
 * The team's meetings and systems, its four peer workers' placements, and
 * (with a notes key) their supervision, check-ins and library. Adds nothing
 * when the team is archived or its role has no agreed version; a placement
 * once a peer worker has one in the team; supervision once Rachel's placement
 * has an agreement.
 */
export async function seedDemoCrisisTeam(context: DemoRoleContext): Promise<TeamDemoOutcome> {
  const outcome: TeamDemoOutcome = { placements: 0, sessions: 0, checkIns: 0, skipped: null };
  const { tx } = context;
  const team = context.team(CRISIS_TEAM);
  if (team.archivedAt) return outcome;
  const found = await agreedRoleOf(tx, team, ROLE_TITLE);
  if (!found) return outcome;
  const now = new Date();
  const today = addDays(now, 0);
  const [manager, hr, sophie] = [MANAGER, 'hr@peerroles.test', 'sophie.clarke@peerroles.test'].map(context.person);
  const rachel = context.person(PEER_WORKERS.rachel.email);

  // 1. Onboarding: the meetings (on the days every peer worker works), the same systems for everyone, the placements.
  await recordMeetings(context, team, [
    { name: 'Team meeting and caseload review', day: 'TUE', time: '13:00', main: true },
    { name: 'Reflective practice group', day: 'THU', time: '15:30', main: false },
  ]);
  const members = await tx.teamMembership.findMany({ where: { teamId: team.id }, select: { user: { select: { email: true } } } });
  await recordSystems(context, team, Object.fromEntries(members.map((member) => [member.user.email, SYSTEMS])));
  const placed = {} as Record<keyof typeof PEER_WORKERS, { person: DemoPerson; placement: DemoPlacement }>;
  for (const [key, spec] of Object.entries(PEER_WORKERS) as Array<[keyof typeof PEER_WORKERS, (typeof PEER_WORKERS)[keyof typeof PEER_WORKERS]]>) {
    const person = context.person(spec.email);
    // The role's contract, band and hours; started on a Tuesday.
    const { placement, created } = await placedOnce(tx, team, person, () =>
      placeOnboarded(
        context,
        team,
        person,
        found.version,
        manager,
        { startDate: lastOn(addDays(today, -spec.startedDaysAgo), 'TUE'), contractType: 'PERMANENT', band: 3, hoursPerWeek: 30, workingDays: [...spec.workingDays], lineManager: manager, peerSupervisor: key === 'rachel' ? sophie : rachel, hr, template: found.template },
        now,
      ),
    );
    if (created) outcome.placements += 1;
    placed[key] = { person, placement };
  }

  // 2. Supervision, once.
  if (await tx.supervisionAgreement.findUnique({ where: { placementId: placed.rachel.placement.id }, select: { id: true } })) return outcome;
  outcome.skipped = notesKeyProblem();
  if (outcome.skipped) return outcome;
  const recorder = supervisionRecorder(context, { setUpBy: manager, now });
  for (const [index, { person, placement }] of Object.values(placed).entries()) {
    const started = placement.startDate;
    const peerSupervisor = person.id === rachel.id ? sophie : rachel;
    // They started on a Tuesday: peer supervision on Thursdays, line management on Tuesdays, days every one of them works.
    const { arrangements } = await recorder.agreementOf(placement, person, addDays(started, 2), [
      { type: 'PEER', supervisor: peerSupervisor, everyWeeks: 4, startsOn: addDays(started, 9) },
      { type: 'LINE_MANAGEMENT', supervisor: manager, everyWeeks: 6, startsOn: addDays(started, 7) },
    ]);
    const until = addDays(today, -1);
    await recorder.record(arrangements.get('PEER')!, person, regularSessions(NOTES.PEER, person, peerSupervisor, { from: addDays(started, 9), until, everyWeeks: 4, offset: index, peerWorkerRecordsEvery: 4 }, today));
    await recorder.record(arrangements.get('LINE_MANAGEMENT')!, person, regularSessions(NOTES.LINE_MANAGEMENT, person, manager, { from: addDays(started, 7), until, everyWeeks: 6, offset: index }, today));
  }
  outcome.sessions = recorder.sessions;

  // 3. Check-ins: three different peer workers in the last ended quarter (withheld), all four in this one (not shown while it lasts).
  const quarterBegan = quarterStart(quarterOf(now));
  const lastQuarterMiddle = new Date(quarterBegan.getTime() - 45 * DAY_MS);
  const lastQuarter: Array<[keyof typeof PEER_WORKERS, number, number]> = [
    ['dev', 0.2, 2],
    ['megan', 0, 4],
    ['callum', 0.4, 6],
  ];
  for (const [key, lift, days] of lastQuarter) {
    await createCheckIn(placed[key].person, team, { answers: checkInAnswers(4, lift), answeredAt: at(lastQuarterMiddle, 24 * days + 11) }, tx);
  }
  const everyone = Object.values(placed);
  for (const [index, { person, placement }] of everyone.entries()) {
    await createCheckIn(person, team, { answers: checkInAnswers(4, index === 0 ? 0.4 : 0.2), answeredAt: thisQuarterMoment(now, placement.startDate, index, everyone.length) }, tx);
  }
  outcome.checkIns = lastQuarter.length + everyone.length;
  await context.audit('seed.supervision.checkins', 'Team', team.id, `recorded ${outcome.checkIns} check-ins by peer workers in ${team.name}`);

  // 4. The library: the three's reflections approved by Rachel, Rachel's by Sophie.
  const approvedByRachel = libraryWriter(context, team, rachel);
  await approvedByRachel(placed.dev.person, {
    status: 'PUBLISHED',
    scope: 'ORGANISATION',
    showName: true,
    writtenOn: addDays(today, -150),
    title: 'Saying I have been there, on the first visit',
    situation: 'On a first home treatment visit, the person would not speak to the nurse and asked us to leave.',
    whatIDid: 'I said, simply, that I had been where they were and that I was not there to assess them, and asked if I could sit with them for ten minutes while my colleague waited outside.',
    whatILearned: 'One honest sentence about my own experience can open a door that a professional role keeps shut. Afterwards I told the team what had helped, so we could plan the next visit together.',
    tags: ['lived experience', 'crisis', 'first contact'],
  });
  await approvedByRachel(placed.megan.person, {
    status: 'PUBLISHED',
    scope: 'TEAM',
    showName: false,
    writtenOn: addDays(today, -80),
    title: 'Hope at handover',
    situation: 'At the daily handover, people in crisis were described mostly by their risks, and I found it hard to say what I saw.',
    whatIDid: 'I started adding one thing each person had said they wanted, in their own words, after the risk summary. Colleagues began to do the same.',
    whatILearned: 'Bringing the person’s own words into the room is part of my role. It changed how the team talked, without anyone being told they were wrong.',
    tags: ['hope', 'team culture', 'handover'],
  });
  await approvedByRachel(placed.callum.person, {
    status: 'PUBLISHED',
    scope: 'ORGANISATION',
    showName: false,
    writtenOn: addDays(today, -25),
    title: 'Weekend visits and my own crisis plan',
    situation: 'Working weekends, I was visiting people at the times I used to find hardest myself.',
    whatIDid: 'I talked it through in peer supervision and added weekend check-ins to my own wellbeing plan, then used what had helped me to plan weekends with the people I support.',
    whatILearned: 'My own crisis plan is a tool for my work as well as for me: it reminds me what a weekend on your own in crisis is like.',
    tags: ['wellbeing', 'lived experience', 'weekends'],
  });
  await libraryWriter(context, team, sophie)(rachel, {
    status: 'PUBLISHED',
    scope: 'ORGANISATION',
    showName: true,
    writtenOn: addDays(today, -110),
    title: 'Peer supervision that grows practice',
    situation: 'When I started supervising newer peer workers, our sessions drifted into checking boundaries and little else.',
    whatIDid: 'We now start each session with something the peer worker did with their lived experience that month, and come to boundaries through that rather than the other way round.',
    whatILearned: 'Peer supervision is where lived experience becomes practice. Boundaries matter, but they are not the whole job.',
    tags: ['peer supervision', 'lived experience', 'boundaries'],
  });
  return outcome;
}
