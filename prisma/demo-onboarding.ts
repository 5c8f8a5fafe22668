// The demo's onboarding (workflow 5), in the Northbrook CMHT on its agreed
// "Peer support worker" role, from the default template ("Peer worker
// onboarding (default)", seeded by prisma/seed.ts):
//
// - Jade Thompson (peer.cmht@peerroles.test), five weeks in: a fixed-term
//   placement of 18 hours on Tuesdays to Thursdays (the role says permanent,
//   22.5 hours), her hours changed once; preparation done, day one done, some
//   tasks in progress, records access that cannot start yet, and several tasks
//   overdue. Parity issues open: the team's main decision-making meeting is on a
//   Monday, her day off; colleagues have RiO and she does not; her contract is
//   less secure than the role says. Her shorter hours are accepted, with a
//   reason. Her peer supervisor is Sophie Clarke (a peer worker in the early
//   intervention team); she keeps a private note on her induction task and a
//   wellbeing plan shared with Sophie alone.
// - Marcus Bennett (marcus.bennett@peerroles.test), fully onboarded: a sessional
//   placement that started about four months ago, every task completed, and
//   its parity issues (sessional, 15 hours, the referrals meeting on his day
//   off) accepted with reasons; his wellbeing plan is shared with his line manager.
// - Elliot Shaw, appointed in the recruitment demo, is left as a pending
//   placement: his manager places him from the appointment.
//
// The team's meetings and its people's systems access are recorded too. Dates
// are relative to the day the seed runs. Built with the factories in
// tests/factories, like prisma/demo-roles.ts and prisma/demo-recruitment.ts,
// so plans and due dates come from the same startPlan the actions use.
import { DEFAULT_TEMPLATE_NAME } from '@/lib/onboarding/default-template';
import { placementParity } from '@/lib/onboarding/records';
import { addDays } from '@/lib/onboarding/rules';
import type { TaskStatus } from '@/lib/generated/prisma/enums';
import { getAgreedVersion } from '@/lib/roles/gate';
import { createPlacement } from '../tests/factories/onboarding';
import { DAY_MS, lastOn, recordMeetings, recordSystems, type DemoMeeting } from './demo-placements';
import type { DemoPerson, DemoRoleContext } from './demo-roles';

export const DEMO_ONBOARDING_TEAM = 'Northbrook Community Mental Health Team';

export const DEMO_MEETINGS: readonly DemoMeeting[] = [
  { name: 'Team meeting (MDT)', day: 'MON', time: '10:00', main: true },
  { name: 'Reflective practice', day: 'WED', time: '14:00', main: false },
  { name: 'Referrals and allocation', day: 'THU', time: '09:30', main: false },
];

export const DEMO_SYSTEMS = { email: 'NHS email', records: 'RiO (electronic patient record)', drive: 'Shared drive', therapy: 'IAPTus' } as const;

/** Who has which system: every colleague the three the team uses, the psychologist one more; Jade not RiO yet. */
const SYSTEMS_BY_EMAIL: Record<string, string[]> = {
  'manager.cmht@peerroles.test': [DEMO_SYSTEMS.email, DEMO_SYSTEMS.records, DEMO_SYSTEMS.drive],
  'staff.cmht@peerroles.test': [DEMO_SYSTEMS.email, DEMO_SYSTEMS.records, DEMO_SYSTEMS.drive],
  'fiona.macleod@peerroles.test': [DEMO_SYSTEMS.email, DEMO_SYSTEMS.records, DEMO_SYSTEMS.drive],
  'rajesh.sharma@peerroles.test': [DEMO_SYSTEMS.email, DEMO_SYSTEMS.records, DEMO_SYSTEMS.drive, DEMO_SYSTEMS.therapy],
  'marcus.bennett@peerroles.test': [DEMO_SYSTEMS.email, DEMO_SYSTEMS.records, DEMO_SYSTEMS.drive],
  'peer.cmht@peerroles.test': [DEMO_SYSTEMS.email, DEMO_SYSTEMS.drive],
};

/** Jade's plan, task by task (the default template's titles); a task not named here is done if it fell due before she started. */
const JADE_PROGRESS: Record<string, { status: TaskStatus; reason?: string }> = {
  'Talk with the team about what peer support is, and is not': { status: 'COMPLETED' },
  'Name a peer supervisor': { status: 'COMPLETED' },
  'Set up an NHS email account, as for any new colleague': { status: 'COMPLETED' },
  'Give access to the records system and shared drives the team uses': {
    status: 'CANNOT_START',
    reason: 'The shared drive is done. RiO access needs the information governance module of the trust induction, which Jade has not finished yet.',
  },
  'Provide a laptop or computer and a phone, as colleagues have': { status: 'COMPLETED' },
  'Complete the trust’s corporate induction and mandatory training': { status: 'IN_PROGRESS' },
  'Complete local induction to the team': { status: 'NOT_STARTED' },
  'Book peer support training against the HEE competence framework': { status: 'IN_PROGRESS' },
  'Offer a WRAP or recovery-planning course': { status: 'NOT_STARTED' },
  'Agree and sign a supervision agreement': { status: 'COMPLETED' },
  'Meet the team, and the people the peer worker will work alongside': { status: 'COMPLETED' },
  'Shadow colleagues, and another peer worker if there is one': { status: 'COMPLETED' },
  'Six-week review': { status: 'NOT_STARTED' },
  'Three-month review': { status: 'NOT_STARTED' },
};

const JADE_NOTE_TASK = 'Complete the trust’s corporate induction and mandatory training';
const JADE_NOTE =
  'Two modules left: safeguarding adults level 3 and information governance (RiO waits for that one). Ask Claire on Wednesday for a protected morning to finish them.';

const WELLBEING = {
  jade: {
    keepsMeWell: 'A proper lunch break away from the office. Walking to work. Knowing on Monday evening what my week looks like.',
    earlySigns: 'I stop answering messages, work through my breaks and sleep badly before group sessions.',
    whatHelps: 'A quiet check-in, not in front of the team. Time to debrief after a hard session. Being reminded that I can say no.',
    whoToContact: 'Sophie Clarke, my peer supervisor; then Claire Whitfield, my manager.',
  },
  marcus: {
    keepsMeWell: 'Regular hours that fit around my studies, and knowing which days I am at the base.',
    earlySigns: 'Taking on extra sessions I do not have time for; getting irritable in team meetings.',
    whatHelps: 'Planning my week with Claire, and a phone call with Sophie between supervisions.',
    whoToContact: 'Claire Whitfield, then Sophie Clarke.',
  },
};

/** When a task was done: on its due day (the day before, for preparation), never after now. */
function doneAt(dueOn: Date, startDate: Date, now: Date): Date {
  const at = new Date(dueOn.getTime() + 15 * 60 * 60 * 1000 - (dueOn < startDate ? DAY_MS : 0));
  return at < now ? at : new Date(now.getTime() - 60 * 60 * 1000);
}

type Person = DemoPerson;

/**
 * The placements and their plans, the team's meetings and systems, and the
 * peer workers' own notes and wellbeing plans. Returns how many placements it
 * added: none when Jade has ever had a placement in the team (seeded before),
 * when the team is archived, or when its role, Jade's and Marcus's membership or
 * the default template is missing.
 */
export async function seedDemoOnboarding(context: DemoRoleContext): Promise<number> {
  const { tx } = context;
  const team = context.team(DEMO_ONBOARDING_TEAM);
  if (team.archivedAt) return 0;
  const jade = context.person('peer.cmht@peerroles.test');
  if (await tx.placement.findFirst({ where: { teamId: team.id, userId: jade.id }, select: { id: true } })) return 0;
  const role = await tx.role.findFirst({ where: { teamId: team.id, title: 'Peer support worker' }, select: { id: true } });
  if (!role) return 0;
  const agreed = await getAgreedVersion(role.id, tx).catch(() => null);
  const template = await tx.onboardingTemplate.findFirst({ where: { name: DEFAULT_TEMPLATE_NAME, archivedAt: null }, select: { id: true } });
  if (!agreed || !template) return 0;

  const manager = context.person('manager.cmht@peerroles.test');
  const hr = context.person('hr@peerroles.test');
  const marcus = context.person('marcus.bennett@peerroles.test');
  const sophie = context.person('sophie.clarke@peerroles.test');
  const now = new Date();
  const today = addDays(now, 0);

  await recordMeetings(context, team, DEMO_MEETINGS);
  await recordSystems(context, team, SYSTEMS_BY_EMAIL);

  let placements = 0;
  const accept = async (placementId: string, who: Person, keys: Record<string, string>, at: Date) => {
    const { open } = await placementParity(tx, placementId);
    for (const issue of open.filter((candidate) => candidate.key in keys)) {
      await tx.parityAcceptance.create({ data: { placementId, key: issue.key, facts: issue.facts, reason: keys[issue.key], acceptedById: manager.id, createdAt: at } });
      await context.audit('seed.onboarding.parity.accept', 'Placement', placementId, `accepted a parity issue for ${who.name}: ${issue.message}`);
    }
  };
  const wellbeing = async (owner: Person, plan: (typeof WELLBEING)['jade'], sharedWith: Person, at: Date) => {
    if (await tx.wellbeingPlan.findUnique({ where: { userId: owner.id }, select: { id: true } })) return;
    const created = await tx.wellbeingPlan.create({ data: { userId: owner.id, ...plan }, select: { id: true } });
    await context.audit('seed.onboarding.wellbeing.save', 'WellbeingPlan', created.id, `${owner.name} wrote a wellbeing plan`);
    await tx.wellbeingShare.create({ data: { planId: created.id, sharedWithId: sharedWith.id, createdAt: at } });
    await context.audit('seed.onboarding.wellbeing.share', 'WellbeingPlan', created.id, `${owner.name} shared their wellbeing plan with ${sharedWith.name}`);
  };

  // 1. Jade, five weeks in: she started on the Tuesday of the week five weeks ago.
  const jadeStart = lastOn(addDays(today, -35), 'TUE');
  const jadePlacement = await createPlacement(
    team,
    jade,
    agreed,
    manager,
    { startDate: jadeStart, contractType: 'FIXED_TERM', band: 3, hoursPerWeek: 18, workingDays: ['TUE', 'WED', 'THU'], lineManager: manager, peerSupervisor: sophie, template, hr },
    tx,
  );
  placements += 1;
  await context.audit('seed.onboarding.placement.start', 'Placement', jadePlacement.id, `placed ${jade.name} in ${team.name}, with a plan from "${DEFAULT_TEMPLATE_NAME}"`);
  // Two weeks in, her hours went from 15 to 18 a week.
  await tx.placement.update({ where: { id: jadePlacement.id }, data: { version: { increment: 1 } } });
  await tx.placementChange.create({ data: { placementId: jadePlacement.id, changedById: manager.id, before: { hoursPerWeek: 15 }, after: { hoursPerWeek: 18 }, createdAt: new Date(addDays(jadeStart, 14).getTime() + 11 * 60 * 60 * 1000) } });
  await context.audit('seed.onboarding.placement.change', 'Placement', jadePlacement.id, `changed ${jade.name}'s placement in ${team.name}: hours`);
  const jadeTasks = await tx.onboardingTask.findMany({ where: { planId: jadePlacement.planId }, select: { id: true, title: true, dueOn: true, ownerId: true } });
  for (const task of jadeTasks) {
    const progress = JADE_PROGRESS[task.title] ?? { status: task.dueOn < jadeStart ? 'COMPLETED' : 'NOT_STARTED' };
    if (progress.status === 'NOT_STARTED') continue;
    await tx.onboardingTask.update({
      where: { id: task.id },
      data: {
        status: progress.status,
        cannotStartReason: progress.reason ?? null,
        completedAt: progress.status === 'COMPLETED' ? doneAt(task.dueOn, jadeStart, now) : null,
        completedById: progress.status === 'COMPLETED' ? task.ownerId : null,
        version: { increment: 1 },
      },
    });
  }
  await context.audit('seed.onboarding.tasks', 'Placement', jadePlacement.id, `recorded progress on ${jade.name}'s onboarding plan`);
  const noteTask = jadeTasks.find((task) => task.title === JADE_NOTE_TASK && task.ownerId === jade.id);
  if (noteTask) {
    const note = await tx.onboardingTaskNote.create({ data: { taskId: noteTask.id, authorId: jade.id, text: JADE_NOTE, createdAt: new Date(now.getTime() - 3 * DAY_MS) } });
    await context.audit('seed.onboarding.task.note', 'OnboardingTaskNote', note.id, `${jade.name} kept a private note on one of her tasks`);
  }
  await accept(jadePlacement.id, jade, { hours: 'Jade asked for shorter days while she settles in; we look at her hours again at the three-month review.' }, new Date(addDays(jadeStart, 14).getTime() + 12 * 60 * 60 * 1000));
  await wellbeing(jade, WELLBEING.jade, sophie, new Date(addDays(jadeStart, 8).getTime() + 16 * 60 * 60 * 1000));

  // 2. Marcus, fully onboarded: he started on a Monday about four months ago.
  if (!(await tx.placement.findFirst({ where: { teamId: team.id, userId: marcus.id }, select: { id: true } }))) {
    const marcusStart = lastOn(addDays(today, -120), 'MON');
    const marcusPlacement = await createPlacement(
      team,
      marcus,
      agreed,
      manager,
      { startDate: marcusStart, contractType: 'SESSIONAL', band: 3, hoursPerWeek: 15, workingDays: ['MON', 'TUE', 'WED'], lineManager: manager, peerSupervisor: sophie, template, hr },
      tx,
    );
    placements += 1;
    await context.audit('seed.onboarding.placement.start', 'Placement', marcusPlacement.id, `placed ${marcus.name} in ${team.name}, with a plan from "${DEFAULT_TEMPLATE_NAME}"`);
    for (const task of await tx.onboardingTask.findMany({ where: { planId: marcusPlacement.planId }, select: { id: true, dueOn: true, ownerId: true } })) {
      await tx.onboardingTask.update({
        where: { id: task.id },
        data: { status: 'COMPLETED', completedAt: doneAt(task.dueOn, marcusStart, now), completedById: task.ownerId, version: { increment: 1 } },
      });
    }
    await context.audit('seed.onboarding.tasks', 'Placement', marcusPlacement.id, `recorded ${marcus.name}'s onboarding plan as complete`);
    const settled = new Date(addDays(marcusStart, 42).getTime() + 14 * 60 * 60 * 1000);
    const referrals = await tx.teamMeeting.findFirst({ where: { teamId: team.id, name: 'Referrals and allocation' }, select: { id: true } });
    await accept(
      marcusPlacement.id,
      marcus,
      {
        contract: 'Marcus chose sessional work alongside his degree; he will be offered the next permanent post.',
        hours: 'Fifteen hours fit his studies, at his request.',
        ...(referrals ? { [`meeting:${referrals.id}`]: 'Allocation is for care coordinators; Marcus reads the notes on Monday and brings anything to the MDT.' } : {}),
      },
      settled,
    );
    await wellbeing(marcus, WELLBEING.marcus, manager, settled);
  }
  return placements;
}
