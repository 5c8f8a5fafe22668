// The demo's supervision (workflow 6), in the Northbrook CMHT, on the
// placements of prisma/demo-onboarding.ts and three more made here:
//
// - Amara Osei and Leon Walsh, peer support workers placed a little over a
//   year ago (fully onboarded), each with a year of sessions of several types:
//   Amara peer supervision from Sophie Clarke every 4 weeks, line management
//   from Claire Whitfield every 6 and group reflective practice with Dr Rajesh
//   Sharma every 4; Leon peer supervision, line management and clinical
//   supervision every 8 weeks. Leon's peer supervision is overdue: his last
//   session was about six weeks ago.
// - Jade Thompson (peer.cmht@peerroles.test), five weeks in: an agreement
//   signed in her first week, two peer supervision sessions with Sophie (the
//   first with an action still open, one done, and Jade's comment), line
//   management twice (the latest recorded by Claire and not yet co-signed by
//   Jade) and a reflective practice group. She has proposed a reflection for
//   the library, which waits for a peer supervisor's review.
// - Marcus Bennett, four months in: peer, line management and clinical
//   supervision since he started; one co-signed record has an amendment he
//   asked for, co-signed too; an action from his latest session is open.
// - Ruth Byrne and Tunde Adebayo, placed ten and eight months ago: peer
//   supervision and line management, on time.
// - Hannah Kowalski, placed two weeks ago: nobody has set up her supervision
//   yet, so the manager sees her placement waiting for an agreement.
//
// Check-ins: figures are shown only for quarters that have ended. In the last
// one, five peer workers answered (Amara, Leon, Marcus, Ruth and Tunde), so
// the team's figures show (5 different peer workers, the threshold); in the
// quarters before it only two did, so those are withheld. All seven answer in
// the quarter in progress, which shows once it ends. The figures are worked
// out at the end of the seed (prisma/seed.ts), as the nightly job works them
// out, with the check-ins of the crisis team and the ward (three and two
// people last quarter, withheld: see prisma/demo-crisis-team.ts). Check-ins,
// like library entries, come only from peer workers with a current placement
// on an agreed role: the early intervention team and the recovery college
// have none.
// Library: a handful of entries, published to the team and to the
// organisation (approved by Sophie, a peer supervisor), Jade's proposal
// waiting, and one Leon withdrew.
//
// Notes are written as a supervisor would, and name nobody the peer workers
// support. They, the comments and the actions are encrypted as the app
// encrypts them (lib/supervision/crypto.ts, under NOTES_ENCRYPTION_KEYS): built
// with the factories in tests/factories/supervision.ts. Sessions are recorded
// unsigned and then co-signed, as the app does it. Dates are relative to the
// day the seed runs.
import { DEFAULT_TEMPLATE_NAME } from '@/lib/onboarding/default-template';
import { addDays, type Weekday } from '@/lib/onboarding/rules';
import type { SupervisionType } from '@/lib/generated/prisma/enums';
import { getAgreedVersion } from '@/lib/roles/gate';
import { quarterOf, quarterStart } from '@/lib/supervision/rules';
import { upsertMembership, upsertUser } from '../tests/factories';
import { grantSystem } from '../tests/factories/onboarding';
import { createCheckIn, createSession } from '../tests/factories/supervision';
import { DEMO_ONBOARDING_TEAM, DEMO_SYSTEMS } from './demo-onboarding';
import { at, currentPlacement, DAY_MS, HOUR_MS, lastOn, placedOnce, placeOnboarded, type DemoPlacement } from './demo-placements';
import type { DemoPerson, DemoRoleContext } from './demo-roles';
import { checkInAnswers as answers, libraryWriter, MINUTES, notesKeyProblem, regularSessions, supervisionRecorder, thisQuarterMoment, type Note } from './demo-supervision-records';

export const DEMO_SUPERVISION_TEAM = DEMO_ONBOARDING_TEAM;

/** Peer workers the supervision demo adds to the CMHT (not demo sign-ins), with their placements. */
export const SUPERVISION_PEOPLE = {
  amara: { email: 'amara.osei@peerroles.test', name: 'Amara Osei', jobTitle: 'Peer support worker', startedDaysAgo: 400, workingDays: ['MON', 'WED', 'THU'], hoursPerWeek: 22.5 },
  leon: { email: 'leon.walsh@peerroles.test', name: 'Leon Walsh', jobTitle: 'Peer support worker', startedDaysAgo: 380, workingDays: ['MON', 'TUE', 'WED', 'THU'], hoursPerWeek: 30 },
  ruth: { email: 'ruth.byrne@peerroles.test', name: 'Ruth Byrne', jobTitle: 'Peer support worker', startedDaysAgo: 300, workingDays: ['MON', 'TUE', 'WED', 'THU'], hoursPerWeek: 30 },
  tunde: { email: 'tunde.adebayo@peerroles.test', name: 'Tunde Adebayo', jobTitle: 'Senior peer support worker', startedDaysAgo: 240, workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], hoursPerWeek: 37.5 },
  hannah: { email: 'hannah.kowalski@peerroles.test', name: 'Hannah Kowalski', jobTitle: 'Peer support worker', startedDaysAgo: 14, workingDays: ['MON', 'WED', 'THU'], hoursPerWeek: 22.5 },
} as const satisfies Record<string, { email: string; name: string; jobTitle: string; startedDaysAgo: number; workingDays: Weekday[]; hoursPerWeek: number }>;

export interface SupervisionOutcome {
  people: number;
  memberships: number;
  placements: number;
  sessions: number;
  /** Check-ins added: the seed then works out the ended quarters' figures afresh, as the nightly job would. */
  checkIns: number;
  /** Why nothing was added, when it could not be (no notes key configured). */
  skipped: string | null;
}

const NOTHING: SupervisionOutcome = { people: 0, memberships: 0, placements: 0, sessions: 0, checkIns: 0, skipped: null };

type Person = DemoPerson;

/** Session notes a supervisor might write, by type, used in turn for the year-long histories. Nobody supported is named or described. */
const NOTES: Record<SupervisionType, Note[]> = {
  PEER: [
    {
      topics: ['lived-experience', 'role-clarity'],
      notes:
        'We started with how the last month has felt. They have been drawing on their own experience more confidently in one-to-one work, and talked through two moments where sharing helped and one where it pulled the conversation towards them. We agreed the difference is in checking, before sharing, who it is for.',
      action: { text: 'Keep a short note after sessions of when I shared something of my own experience and why, to bring next time' },
    },
    {
      topics: ['own-boundaries', 'wellbeing'],
      notes:
        'A busy month. They noticed they had been replying to work messages in the evening and felt tired at the start of the week. We looked at their wellbeing plan together; it still fits. They will use the out-of-hours message and hand anything urgent to the duty worker.',
      action: { text: 'Set up the out-of-hours message and tell the people I support about it at our next sessions' },
    },
    {
      topics: ['sharing-story', 'lived-experience'],
      notes:
        'They have been asked to speak at the recovery college induction. We went through which parts of their story they are happy to share in a group and which they keep for themselves, and practised a short version focused on what helped rather than the hardest times.',
    },
    {
      topics: ['outside-role', 'role-clarity'],
      notes:
        'Twice this month they were asked to cover tasks outside the peer role when the team was short: reception once, and sitting in on a medication review. They said no to the second and felt uneasy about saying yes to the first. We went back to the role description and agreed how to raise it.',
      action: { text: 'Raise reception cover with the manager at line management, with the role description to hand' },
    },
    {
      topics: ['team-relationships', 'role-clarity'],
      notes:
        'Relationships in the team feel better than in the spring. The team meeting now hears a peer perspective most weeks. A new colleague still refers to them as a support worker; they will offer to explain peer support at the next team day.',
    },
    {
      topics: ['wellbeing', 'own-boundaries'],
      notes:
        'Two pieces of work ended this month and one of them was hard to end. We talked about endings as part of peer support rather than a failure of it, and about what they need for themselves afterwards. They feel settled about it now.',
    },
    {
      topics: ['lived-experience', 'training'],
      notes:
        'Reflected on the peer support training so far against the competence framework. They feel strongest on hope and recovery and want to develop group facilitation. We looked at co-facilitating a recovery college course next term.',
      action: { text: 'Ask the recovery college about co-facilitating a course next term' },
    },
  ],
  LINE_MANAGEMENT: [
    {
      topics: ['caseload', 'training'],
      notes:
        'Went through the diary for the coming weeks and the training record: mandatory training is up to date. Caseload is manageable; two referrals are waiting and we agreed to take them one at a time.',
    },
    {
      topics: ['wellbeing', 'team-relationships'],
      notes:
        'Checked in on workload and wellbeing: they are taking their breaks and the rota works for them. We talked about how the team meeting is going; they would like a regular slot for a peer perspective, which I will add to the agenda.',
      action: { text: 'Add a standing peer perspective item to the team meeting agenda', bySupervisor: true },
    },
    {
      topics: ['role-clarity', 'outside-role'],
      notes:
        'We looked at the role description together after reception cover came up again. Reception is not part of the peer role; I will take peer workers off the cover rota. We also agreed how they record contacts in RiO, as colleagues do.',
      action: { text: 'Take peer workers off the reception cover rota', bySupervisor: true },
    },
    {
      topics: ['training', 'caseload'],
      notes:
        'Annual leave booked. The WRAP facilitator course has places in the spring; we agreed they should go. Caseload steady, and they are ready to take on one more piece of work.',
      action: { text: 'Book a place on the WRAP facilitator course' },
    },
    {
      topics: ['wellbeing', 'caseload'],
      notes:
        'A shorter meeting: everything is on track. They mentioned feeling stretched before the holidays, so we planned a lighter last week of the month.',
    },
  ],
  CLINICAL: [
    {
      topics: ['safeguarding', 'caseload'],
      notes:
        'Reflected on a worry they had shared with the duty worker during the month: they followed the procedure the same day and told the person first. We talked about how that felt and what helped them keep the relationship.',
    },
    {
      topics: ['outside-role', 'own-boundaries'],
      notes:
        'We thought about the pull to act as a junior clinician when the team is stretched, and how to hold on to what makes peer support distinctive while still being part of the team’s work.',
    },
    {
      topics: ['caseload', 'lived-experience'],
      notes:
        'Practice supervision on a piece of work that has felt stuck. We looked at it from the person’s own goals rather than the service’s, and they will ask the person what they want from the next few sessions.',
    },
  ],
  GROUP_REFLECTIVE: [
    {
      topics: ['team-relationships', 'lived-experience'],
      notes:
        'The group chose to reflect on how the team talks about hope. Several people noticed the team meeting focuses on risk first; the peer workers offered a different way in. The group agreed to start the next team meeting with something that went well.',
    },
    {
      topics: ['sharing-story', 'other'],
      notes:
        'Case discussion format, all details removed. The group thought about when colleagues share something of themselves with the people they support, and how that is different for peer workers, whose lived experience is part of the role.',
    },
    {
      topics: ['team-relationships', 'wellbeing'],
      notes:
        'A quieter session after a difficult fortnight for the team. The group used the time to notice what had been hard and what had helped, and agreed to keep the next session for the same.',
    },
  ],
};

/**
 * Agreements, sessions, check-ins and library entries for the CMHT's peer
 * workers, and the three placements they need. Adds nothing when Jade's
 * placement already has an agreement (seeded before), when the team is
 * archived, when Jade's placement (prisma/demo-onboarding.ts) or the team's
 * agreed role is missing, or when no notes key is configured (then it says so).
 */
export async function seedDemoSupervision(context: DemoRoleContext): Promise<SupervisionOutcome> {
  const { tx } = context;
  const team = context.team(DEMO_SUPERVISION_TEAM);
  if (team.archivedAt) return NOTHING;
  const jade = context.person('peer.cmht@peerroles.test');
  const jadePlacement = await currentPlacement(tx, team, jade);
  if (!jadePlacement) return NOTHING;
  if (await tx.supervisionAgreement.findUnique({ where: { placementId: jadePlacement.id }, select: { id: true } })) return NOTHING;
  const keyProblem = notesKeyProblem();
  if (keyProblem) return { ...NOTHING, skipped: keyProblem };
  const role = await tx.role.findFirst({ where: { teamId: team.id, title: 'Peer support worker' }, select: { id: true } });
  const agreed = role ? await getAgreedVersion(role.id, tx).catch(() => null) : null;
  const template = await tx.onboardingTemplate.findFirst({ where: { name: DEFAULT_TEMPLATE_NAME, archivedAt: null }, select: { id: true } });
  if (!agreed || !template) return NOTHING;

  const manager = context.person('manager.cmht@peerroles.test');
  const hr = context.person('hr@peerroles.test');
  const sophie = context.person('sophie.clarke@peerroles.test');
  const rajesh = context.person('rajesh.sharma@peerroles.test');
  const marcus = context.person('marcus.bennett@peerroles.test');
  const now = new Date();
  const today = addDays(now, 0);
  const outcome: SupervisionOutcome = { ...NOTHING };

  // 1. Five more peer workers in the team, placed on the agreed role with nothing left open: fully onboarded, or (Hannah) onboarded so far.
  const placed: Record<keyof typeof SUPERVISION_PEOPLE, { person: Person; placement: DemoPlacement }> = {} as never;
  for (const [key, spec] of Object.entries(SUPERVISION_PEOPLE) as Array<[keyof typeof SUPERVISION_PEOPLE, (typeof SUPERVISION_PEOPLE)[keyof typeof SUPERVISION_PEOPLE]]>) {
    const { user, created } = await upsertUser({ email: spec.email, name: spec.name, jobTitle: spec.jobTitle, orgRole: 'MEMBER', passwordHash: null }, tx);
    if (created) {
      outcome.people += 1;
      await context.audit('seed.person.create', 'User', user.id, `added ${user.name} (${spec.jobTitle})`);
    }
    const { created: joined } = await upsertMembership(team, user, 'PEER_WORKER', tx);
    if (joined) {
      outcome.memberships += 1;
      await context.audit('seed.team.member.add', 'Team', team.id, `added ${user.name} to ${team.name}`);
    }
    const has = new Set((await tx.systemAccess.findMany({ where: { userId: user.id }, select: { system: true } })).map((access) => access.system));
    for (const system of [DEMO_SYSTEMS.email, DEMO_SYSTEMS.records, DEMO_SYSTEMS.drive].filter((name) => !has.has(name))) await grantSystem(user, system, tx);
    const { placement, created: newlyPlaced } = await placedOnce(tx, team, user, () =>
      placeOnboarded(
        context,
        team,
        user,
        agreed,
        manager,
        { startDate: lastOn(addDays(today, -spec.startedDaysAgo), 'MON'), contractType: 'PERMANENT', band: 3, hoursPerWeek: spec.hoursPerWeek, workingDays: [...spec.workingDays], lineManager: manager, peerSupervisor: sophie, template, hr },
        now,
      ),
    );
    if (newlyPlaced) outcome.placements += 1;
    placed[key] = { person: user, placement };
  }
  const { amara, leon, ruth, tunde, hannah } = placed;

  // 2. Agreements and their sessions.
  const recorder = supervisionRecorder(context, { setUpBy: manager, now });
  const { agreementOf, record } = recorder;

  // Amara, a year and more in: peer supervision (Wednesdays), line management (Mondays), reflective practice (Wednesdays), all on time.
  const amaraStart = amara.placement.startDate;
  const amaraAgreement = await agreementOf(amara.placement, amara.person, addDays(amaraStart, 2), [
    { type: 'PEER', supervisor: sophie, everyWeeks: 4, startsOn: addDays(amaraStart, 9) },
    { type: 'LINE_MANAGEMENT', supervisor: manager, everyWeeks: 6, startsOn: addDays(amaraStart, 7) },
    { type: 'GROUP_REFLECTIVE', supervisor: rajesh, everyWeeks: 4, startsOn: addDays(amaraStart, 16) },
  ]);
  const amaraPeer = await record(
    amaraAgreement.arrangements.get('PEER')!,
    amara.person,
    regularSessions(NOTES.PEER, amara.person, sophie, { from: addDays(amaraStart, 9), until: addDays(today, -1), everyWeeks: 4, peerWorkerRecordsEvery: 3 }, today),
  );
  await record(amaraAgreement.arrangements.get('LINE_MANAGEMENT')!, amara.person, regularSessions(NOTES.LINE_MANAGEMENT, amara.person, manager, { from: addDays(amaraStart, 7), until: addDays(today, -1), everyWeeks: 6 }, today));
  await record(
    amaraAgreement.arrangements.get('GROUP_REFLECTIVE')!,
    amara.person,
    regularSessions(NOTES.GROUP_REFLECTIVE, amara.person, rajesh, { from: addDays(amaraStart, 16), until: addDays(today, -1), everyWeeks: 4, attendees: 'Leon Walsh, Fiona MacLeod, Daniel Okoro' }, today),
  );

  // Leon, a year in: peer supervision (Tuesdays) stopped about six weeks ago, so it is overdue; line management and clinical supervision on time.
  const leonStart = leon.placement.startDate;
  const leonAgreement = await agreementOf(leon.placement, leon.person, addDays(leonStart, 3), [
    { type: 'PEER', supervisor: sophie, everyWeeks: 4, startsOn: addDays(leonStart, 8) },
    { type: 'LINE_MANAGEMENT', supervisor: manager, everyWeeks: 6, startsOn: addDays(leonStart, 7) },
    { type: 'CLINICAL', supervisor: rajesh, everyWeeks: 8, startsOn: addDays(leonStart, 17) },
  ]);
  await record(leonAgreement.arrangements.get('PEER')!, leon.person, regularSessions(NOTES.PEER, leon.person, sophie, { from: addDays(leonStart, 8), until: addDays(today, -38), everyWeeks: 4, offset: 3 }, today));
  await record(leonAgreement.arrangements.get('LINE_MANAGEMENT')!, leon.person, regularSessions(NOTES.LINE_MANAGEMENT, leon.person, manager, { from: addDays(leonStart, 7), until: addDays(today, -1), everyWeeks: 6, offset: 2 }, today));
  await record(leonAgreement.arrangements.get('CLINICAL')!, leon.person, regularSessions(NOTES.CLINICAL, leon.person, rajesh, { from: addDays(leonStart, 17), until: addDays(today, -1), everyWeeks: 8 }, today));

  // Ruth and Tunde, most of a year in: peer supervision and line management, both on time.
  for (const [index, { person: peerWorker, placement }] of [ruth, tunde].entries()) {
    const started = placement.startDate;
    const agreement = await agreementOf(placement, peerWorker, addDays(started, 2), [
      { type: 'PEER', supervisor: sophie, everyWeeks: 4, startsOn: addDays(started, 8) },
      { type: 'LINE_MANAGEMENT', supervisor: manager, everyWeeks: 6, startsOn: addDays(started, 7) },
    ]);
    await record(agreement.arrangements.get('PEER')!, peerWorker, regularSessions(NOTES.PEER, peerWorker, sophie, { from: addDays(started, 8), until: addDays(today, -1), everyWeeks: 4, offset: 2 + index }, today));
    await record(agreement.arrangements.get('LINE_MANAGEMENT')!, peerWorker, regularSessions(NOTES.LINE_MANAGEMENT, peerWorker, manager, { from: addDays(started, 7), until: addDays(today, -1), everyWeeks: 6, offset: 1 + index }, today));
  }

  // Jade, five weeks in (she works Tuesday to Thursday).
  const jadeStart = jadePlacement.startDate;
  const jadeAgreement = await agreementOf(jadePlacement, jade, addDays(jadeStart, 1), [
    { type: 'PEER', supervisor: sophie, everyWeeks: 4, startsOn: addDays(jadeStart, 2) },
    { type: 'LINE_MANAGEMENT', supervisor: manager, everyWeeks: 6, startsOn: addDays(jadeStart, 1) },
    { type: 'GROUP_REFLECTIVE', supervisor: rajesh, everyWeeks: 4, startsOn: addDays(jadeStart, 8) },
  ]);
  const [jadeFirstPeer] = await record(jadeAgreement.arrangements.get('PEER')!, jade, [
    {
      heldOn: addDays(jadeStart, 2),
      note: {
        topics: ['lived-experience', 'sharing-story', 'own-boundaries'],
        notes:
          'Our first peer supervision. We talked about what brought Jade to peer work and what she hopes to offer. She is unsure how much of her own story to share in her first weeks and with whom; we agreed there is no hurry, and that choosing not to share is also a skill. We looked at the boundaries she already sets for herself, which are thoughtful. She is nervous about the group sessions and would like to shadow one first.',
      },
      recordedBy: sophie,
      cosigned: true,
      actions: [
        { owner: jade, text: 'Write down what I am and am not comfortable sharing of my story, to talk through next time', dueInDays: 28, status: 'OPEN' },
        { owner: sophie, text: 'Send Jade the peer support network’s guidance on sharing lived experience', dueInDays: 7, status: 'DONE' },
      ],
      comment: { author: jade, text: 'A fair record. I would add that I felt more confident by the end than this suggests, and I would like to come back to the group sessions next time.' },
    },
    {
      heldOn: addDays(jadeStart, 30),
      note: {
        topics: ['role-clarity', 'outside-role', 'wellbeing'],
        notes:
          'Jade has shadowed two groups and co-facilitated part of one. A colleague asked her to sit in reception while the team was short; she said yes and felt uneasy. We went back to the role description together and agreed she will raise it with her line manager. She has not yet written down what she is comfortable sharing: that action carries over. She is tired but sleeping well, and took her lunch breaks this week.',
      },
      recordedBy: sophie,
      cosigned: true,
    },
  ]);
  await record(jadeAgreement.arrangements.get('LINE_MANAGEMENT')!, jade, [
    { heldOn: addDays(jadeStart, 1), note: NOTES.LINE_MANAGEMENT[0], recordedBy: manager, cosigned: true },
    {
      heldOn: addDays(jadeStart, 29),
      note: {
        topics: ['role-clarity', 'training', 'wellbeing'],
        notes:
          'Four weeks in. Went through the induction: two mandatory modules left, and RiO access waits for the information governance module. We talked about being asked to cover reception; it is outside the peer role, and I will take peer workers off the cover rota. Her hours went up to 18 at her request and the days suit her.',
      },
      recordedBy: manager,
      cosigned: false,
      actions: [{ owner: manager, text: 'Take peer workers off the reception cover rota', dueInDays: 14, status: 'OPEN' }],
    },
  ]);
  // Reflective practice on Wednesdays: her first week's, and the one four weeks later once it has been held (due soon until then).
  await record(
    jadeAgreement.arrangements.get('GROUP_REFLECTIVE')!,
    jade,
    [addDays(jadeStart, 8), addDays(jadeStart, 36)]
      .filter((day) => day < today)
      .map((heldOn, k) => ({ heldOn, note: NOTES.GROUP_REFLECTIVE[k], recordedBy: rajesh, cosigned: true, attendees: 'Amara Osei, Leon Walsh, Marcus Bennett, Fiona MacLeod' })),
  );

  // Marcus, four months in (Monday to Wednesday): on time; one record amended at his request.
  const marcusPlacement = await currentPlacement(tx, team, marcus);
  if (marcusPlacement) {
    const marcusStart = marcusPlacement.startDate;
    const marcusAgreement = await agreementOf(marcusPlacement, marcus, addDays(marcusStart, 2), [
      { type: 'PEER', supervisor: sophie, everyWeeks: 4, startsOn: addDays(marcusStart, 7) },
      { type: 'LINE_MANAGEMENT', supervisor: manager, everyWeeks: 6, startsOn: addDays(marcusStart, 1) },
      { type: 'CLINICAL', supervisor: rajesh, everyWeeks: 8, startsOn: addDays(marcusStart, 14) },
    ]);
    const marcusPeer = regularSessions(NOTES.PEER, marcus, sophie, { from: addDays(marcusStart, 7), until: addDays(today, -1), everyWeeks: 4, offset: 1 }, today);
    const latest = marcusPeer[marcusPeer.length - 1];
    latest.actions = [{ owner: marcus, text: 'Book a place on the WRAP facilitator course before the spring dates fill', dueInDays: 21, status: 'OPEN' }];
    const peerSessions = await record(marcusAgreement.arrangements.get('PEER')!, marcus, marcusPeer);
    await record(marcusAgreement.arrangements.get('LINE_MANAGEMENT')!, marcus, regularSessions(NOTES.LINE_MANAGEMENT, marcus, manager, { from: addDays(marcusStart, 1), until: addDays(today, -1), everyWeeks: 6, offset: 3 }, today));
    await record(marcusAgreement.arrangements.get('CLINICAL')!, marcus, regularSessions(NOTES.CLINICAL, marcus, rajesh, { from: addDays(marcusStart, 14), until: addDays(today, -1), everyWeeks: 8, offset: 1 }, today));
    // The amendment: a new record naming the co-signed one (his first, about evening messages), which is kept as it was.
    const amended = peerSessions[0];
    if (amended) {
      const original = await tx.supervisionSession.findUniqueOrThrow({ where: { id: amended.id }, select: { heldOn: true, topics: true, cosignedAt: true } });
      const amendment = await createSession(
        marcusAgreement.arrangements.get('PEER')!,
        {
          heldOn: original.heldOn,
          durationMinutes: MINUTES.PEER,
          topics: original.topics,
          notes:
            'Amendment, at Marcus’s request and agreed with Sophie: the record says Marcus stopped answering messages in the evening; in fact he set up the out-of-hours message and still replies to his manager in the evening when he chooses to. Everything else in the original record stands.',
          recordedBy: marcus,
          amends: amended,
          cosignedAt: null,
        },
        tx,
      );
      const amendedAt = new Date(Math.min((original.cosignedAt ?? now).getTime() + 5 * DAY_MS, now.getTime() - 3 * HOUR_MS));
      await tx.supervisionSession.update({ where: { id: amendment.id }, data: { createdAt: amendedAt, cosignedAt: new Date(Math.min(amendedAt.getTime() + DAY_MS, now.getTime() - HOUR_MS)), cosignedById: sophie.id, version: { increment: 1 } } });
      outcome.sessions += 1;
      await context.audit('seed.supervision.amend', 'SupervisionSession', amendment.id, `amended the co-signed record of a peer supervision session of ${marcus.name}'s; the original is kept`);
    }
  }

  // 3. Check-ins. This quarter (in progress, so not shown), all seven placed peer workers; the last quarter five (the team's
  // figures show); the two before it, Amara and Leon (withheld).
  const quarterBegan = quarterStart(quarterOf(now));
  const thisQuarter: Array<[Person, Date, number]> = [
    [amara.person, amara.placement.startDate, 4],
    [leon.person, leon.placement.startDate, 3],
    [marcus, marcusPlacement?.startDate ?? today, 4],
    [jade, jadeStart, 3],
    [ruth.person, ruth.placement.startDate, 4],
    [tunde.person, tunde.placement.startDate, 5],
    [hannah.person, hannah.placement.startDate, 4],
  ];
  let checkIns = 0;
  for (const [index, [person, started, level]] of thisQuarter.entries()) {
    await createCheckIn(person, team, { answers: answers(level), answeredAt: thisQuarterMoment(now, started, index, thisQuarter.length) }, tx);
    checkIns += 1;
  }
  // The three quarters before (Amara and Leon had started by then): Amara with her peer supervision in the middle of each, Leon on his own;
  // in the last, Marcus once he had started (he started before it ended), Ruth and Tunde too.
  for (let back = 1; back <= 3; back += 1) {
    const middle = new Date(quarterBegan.getTime() - ((back - 1) * 91 + 45) * DAY_MS);
    const session = [...amaraPeer].reverse().find((candidate) => candidate.heldOn <= middle && quarterOf(candidate.heldOn) === quarterOf(middle));
    await createCheckIn(amara.person, team, { answers: answers(3, (4 - back) * 0.25), answeredAt: session ? at(session.heldOn, 18) : middle, session: session ?? null }, tx);
    await createCheckIn(leon.person, team, { answers: answers(3, -0.2), answeredAt: at(middle, 24 * 3 + 11) }, tx);
    checkIns += 2;
    if (back === 1) {
      await createCheckIn(ruth.person, team, { answers: answers(4, -0.2), answeredAt: at(middle, 24 * 5 + 14) }, tx);
      await createCheckIn(tunde.person, team, { answers: answers(4, 0.4), answeredAt: at(middle, 24 * 6 + 10) }, tx);
      checkIns += 2;
    }
    if (back === 1 && marcusPlacement) {
      const answeredAt = new Date(Math.max(middle.getTime(), at(addDays(marcusPlacement.startDate, 14), 12).getTime()));
      if (answeredAt < quarterBegan) {
        await createCheckIn(marcus, team, { answers: answers(4, -0.3), answeredAt }, tx);
        checkIns += 1;
      }
    }
  }
  await context.audit('seed.supervision.checkins', 'Team', team.id, `recorded ${checkIns} check-ins by peer workers in ${team.name}`);
  outcome.checkIns = checkIns;

  // 4. The library, reviewed by Sophie, the team's peer supervisor.
  const entry = libraryWriter(context, team, sophie);
  const amaraSession = amaraPeer.find((session) => session.heldOn > addDays(today, -200)) ?? amaraPeer[0];
  await entry(amara.person, {
    status: 'PUBLISHED',
    scope: 'ORGANISATION',
    showName: true,
    session: amaraSession ?? null,
    writtenOn: amaraSession ? addDays(amaraSession.heldOn, 2) : addDays(today, -150),
    title: 'Sharing a little of my story, at the right moment',
    situation: 'Someone I was supporting felt that nobody could understand what waiting months for therapy was like, and had stopped expecting anything to help.',
    whatIDid: 'I said briefly that I had waited too, and that what helped me was having one thing to do each week that was mine. Then I turned the conversation back to them and asked what that one thing might be.',
    whatILearned: 'A short piece of my story, offered for the other person, can shift a conversation without taking it over. I check with myself first: who is this for?',
    tags: ['lived experience', 'sharing my story', 'hope'],
  });
  await entry(amara.person, {
    status: 'PUBLISHED',
    scope: 'TEAM',
    showName: false,
    writtenOn: addDays(today, -240),
    title: 'Saying no to reception cover',
    situation: 'When the team was short, peer workers were asked to cover reception, which took us away from the people we support and blurred what our role is.',
    whatIDid: 'I said it was outside the peer role, offered what I could do instead, and raised it with my line manager with the role description to hand. Peer workers are now off the cover rota.',
    whatILearned: 'Boundaries about the role are easier to hold when the role description has been agreed by everyone. Saying no kindly, with an alternative, kept the goodwill.',
    tags: ['boundaries', 'outside the peer role', 'role clarity'],
  });
  await entry(marcus, {
    status: 'PUBLISHED',
    scope: 'TEAM',
    showName: false,
    writtenOn: addDays(today, -40),
    title: 'Messages in the evening',
    situation: 'People I support had started to message me in the evenings, and I felt I had to answer straight away.',
    whatIDid: 'I set up an out-of-hours message with the numbers to call, explained it at our next sessions, and talked it through in peer supervision.',
    whatILearned: 'Clear boundaries protect the person as well as me: they know what to expect and where to turn when I am not there.',
    tags: ['boundaries', 'wellbeing', 'out of hours'],
  });
  await entry(leon.person, {
    status: 'WITHDRAWN',
    scope: 'ORGANISATION',
    showName: true,
    writtenOn: addDays(today, -200),
    withdrawnAfterDays: 60,
    title: 'Co-facilitating a group with a clinician',
    situation: 'In a group I ran with a nurse, people kept addressing their questions to the nurse.',
    whatIDid: 'After the session I talked with my co-facilitator about sharing the lead more visibly, and we changed who opened and closed each session.',
    whatILearned: 'Equal partnership has to be shown in the room, not just agreed beforehand.',
    tags: ['groups', 'co-facilitation', 'team'],
  });
  await entry(jade, {
    status: 'PROPOSED',
    scope: 'ORGANISATION',
    showName: false,
    session: jadeFirstPeer,
    writtenOn: addDays(jadeStart, 31),
    title: 'Deciding what of my story to share in my first weeks',
    situation: 'Starting as a peer worker, I was unsure how much of my own experience to share, and with whom, while I was still getting to know the team and the people I support.',
    whatIDid: 'I wrote down what I am comfortable sharing, what I keep private and what I am not sure about yet, and talked it through in peer supervision before my first groups.',
    whatILearned: 'There is no hurry to share, and choosing not to is also a skill. Having thought it through beforehand made me calmer in the room.',
    tags: ['sharing my story', 'new in post', 'boundaries'],
  });
  outcome.sessions += recorder.sessions;
  return outcome;
}
