// Demo role descriptions for the three demo teams (prisma/seed.ts), each at a
// different stage of agreement:
//
// - Northbrook CMHT, "Peer support worker": version 1 Agreed by the manager, a
//   non-peer colleague, a peer worker and HR (the default policy), after an
//   expectations check everyone answered and the manager closed, sharing its
//   results, with its one contested activity settled.
// - Riverside EIP, "Peer support worker (early intervention)": version 1 in
//   review, with reviewers invited (including the service-user representative),
//   some agreements, one open concern, and a closed expectations check (HR did
//   not answer before the manager closed it) in which peer workers and non-peer
//   staff disagree about writing in clinical records, not yet settled: everyone
//   who took part can see the results, and under the default policy that
//   unsettled contested activity is outstanding too, beside the missing
//   agreement and the open concern.
// - Eastfield Recovery College, "Peer trainer": a draft, never submitted.
//
// The crisis team's and the ward's roles, both agreed, are with the rest of
// those teams' demo (prisma/demo-crisis-team.ts, demo-inpatient-ward.ts), built
// with the helpers exported here.
//
// Built with the factories in tests/factories (the same ones the tests use), so
// the demo data obeys the domain's rules: stakeholder groups come from the
// database and the Agreed status from lib/agreement/status.ts.
import type { Tx } from '@/lib/db';
import type { ExpectationAnswer } from '@/lib/generated/prisma/enums';
import { DEFAULT_VALUE_OPTIONS, EMPTY_CONTENT, sectionTitle, type RoleContent } from '@/lib/roles/rules';
import { stakeholderGroups } from '@/lib/teams/stakeholders';
import {
  catalogueActivity,
  createCheck,
  createConcern,
  createConcernReply,
  createRole,
  inviteReviewers,
  recordAgreement,
  resolveContestedActivity,
  submitVersion,
  type AnswerPlan,
} from '../tests/factories';

/** How most people in a mental health team answer the expectations check. */
const TYPICAL_ANSWERS: Record<string, ExpectationAnswer> = {
  'One-to-one peer support': 'CORE',
  'Co-facilitating groups': 'CORE',
  'Sharing own recovery story': 'CORE',
  'Supporting people to access community resources': 'CORE',
  'WRAP facilitation': 'CORE',
  'Recovery and wellbeing planning': 'CORE',
  'Risk assessment': 'NOT_PART',
  Observations: 'NOT_PART',
  Escorting: 'NOT_PART',
  'Administering medication': 'NOT_PART',
  'Care coordination tasks': 'NOT_PART',
  'Duty or reception cover': 'NOT_PART',
};

/** TYPICAL_ANSWERS ('sometimes' for the rest), with this person's own views. */
export const answering = (own: Record<string, ExpectationAnswer> = {}): AnswerPlan => ({ default: 'SOMETIMES', byName: { ...TYPICAL_ANSWERS, ...own } });

export const CMHT_ROLE_CONTENT: RoleContent = {
  purpose: {
    text: [
      'To offer peer support to adults using Northbrook Community Mental Health Team, drawing on your own lived experience of mental distress, of using mental health services and of recovery.',
      'To work alongside the team as an equal colleague, bringing a peer perspective to its work and helping it keep hope, choice and recovery at the centre of what it does.',
    ].join('\n'),
  },
  values: { selected: [...DEFAULT_VALUE_OPTIONS], notes: 'Respecting each person’s own definition of recovery' },
  responsibilities: {
    items: [
      'Offer one-to-one peer support to people using the team, usually for up to 12 sessions, at a pace and place they choose',
      'Co-facilitate recovery and wellbeing groups with colleagues, including the hearing voices group',
      'Share your own recovery story purposefully, when it may help the person you are supporting',
      'Support people to reconnect with community groups, activities, volunteering, education and work',
      'Help people write their own recovery and wellness plans, including WRAP',
      'Attend the weekly multidisciplinary team meeting for the people you support, and bring a peer perspective',
      'Record your contacts briefly in the clinical records system (RiO), as colleagues do',
      'Take part in co-producing changes to the service with the people who use it',
    ],
  },
  notPart: {
    items: [
      'Carrying out observations',
      'Administering or supervising medication',
      'Acting as a substitute for a clinician or care coordinator',
      'Carrying out formal risk assessments (you share any worries with the team, as every colleague does)',
      'Covering duty or reception when the team is short-staffed',
      'Escorting people detained under the Mental Health Act',
    ],
  },
  working: {
    contractType: 'PERMANENT',
    hoursPerWeek: 22.5,
    workingDays: ['MON', 'TUE', 'THU'],
    payBand: 'Band 3 (Agenda for Change)',
    base: 'Northbrook CMHT, Station Road, with visits in the community',
    teamMeetings: true,
    recordsAccess: true,
    sameIt: true,
  },
  supervision: {
    arrangements: [
      { type: 'PEER_SUPERVISION', provider: 'Senior peer support worker, trust peer support network', everyWeeks: 4 },
      { type: 'LINE_MANAGEMENT', provider: 'Community team manager', everyWeeks: 6 },
      { type: 'REFLECTIVE_PRACTICE', provider: 'Team reflective practice group', everyWeeks: 4 },
    ],
  },
  training: {
    text: [
      'Trust induction and mandatory training, the same as every new colleague.',
      'Peer support training mapped to the Health Education England Competence Framework for Mental Health Peer Support Workers (2020).',
      'WRAP facilitator training (two-day course) within the first year.',
      'Protected time for the trust peer support network’s learning events.',
    ].join('\n'),
  },
  progression: {
    text: [
      'After 12 months in post, and with a portfolio of practice, you can apply for senior peer support worker roles (Band 4), which include peer supervision of newer peer workers.',
      'Support to take up peer trainer and recovery college tutor opportunities across the trust.',
    ].join('\n'),
  },
};

export const EIP_ROLE_CONTENT: RoleContent = {
  purpose: {
    text: [
      'To offer peer support to young people and adults in their first years with Riverside Early Intervention in Psychosis Service, drawing on your own lived experience of psychosis and recovery.',
      'To show, by example, that recovery is possible, and to help the people we support stay connected with their lives, families, friends, education and work.',
    ].join('\n'),
  },
  values: { selected: ['Hope', 'Mutuality', 'Reciprocity', 'Lived experience as expertise', 'Recovery-focused', 'Non-directive', 'Inclusive'], notes: '' },
  responsibilities: {
    items: [
      'Offer one-to-one peer support to people in their first year with the service',
      'Co-facilitate the social recovery group and the family and carers group',
      'Support people back into education, training and work, alongside the employment specialist',
      'Share your own experience of psychosis and recovery where it may help',
      'Help people prepare for their care reviews and say what matters to them',
      'Keep in touch by phone between visits, when the person wants this',
    ],
  },
  notPart: {
    items: [
      'Carrying out observations',
      'Administering or supervising medication',
      'Acting as a care coordinator',
      'Carrying out formal risk assessments',
    ],
  },
  working: {
    contractType: 'FIXED_TERM',
    hoursPerWeek: 30,
    workingDays: ['MON', 'TUE', 'WED', 'THU'],
    payBand: 'Band 3 (Agenda for Change)',
    base: 'Riverside EIP hub, Mill Lane, with visits at home and in the community',
    teamMeetings: true,
    // The open concern below is about this.
    recordsAccess: false,
    sameIt: true,
  },
  supervision: {
    arrangements: [
      { type: 'PEER_SUPERVISION', provider: 'Peer support lead, trust peer support network', everyWeeks: 4 },
      { type: 'LINE_MANAGEMENT', provider: 'Early intervention team manager', everyWeeks: 6 },
    ],
  },
  training: {
    text: [
      'Trust induction and mandatory training, the same as every new colleague.',
      'Peer support training mapped to the Health Education England competence framework.',
      'Introduction to early intervention in psychosis and to family work, with the rest of the team.',
    ].join('\n'),
  },
  progression: { text: 'Support to apply for permanent and senior peer support worker posts as they come up across the trust.' },
};

/** A draft in progress: supervision and progression not written yet. */
export const RECOVERY_COLLEGE_DRAFT: RoleContent = {
  ...EMPTY_CONTENT,
  purpose: {
    text: 'To co-produce and co-deliver Eastfield Recovery College courses with a tutor from a professional background, bringing your own lived experience of mental distress and recovery into the classroom.',
  },
  values: { selected: ['Hope', 'Mutuality', 'Lived experience as expertise', 'Strengths-based', 'Inclusive'], notes: 'Learning together, as students and tutors' },
  responsibilities: {
    items: [
      'Co-write course materials with a co-tutor, using your own experience',
      'Co-deliver courses such as Understanding Recovery and Building a Wellbeing Plan',
      'Welcome new students and help them choose courses',
      'Gather student feedback and use it to improve courses',
    ],
  },
  notPart: { items: ['Offering therapy or clinical advice to students', 'Administering or supervising medication', 'Acting as a substitute for a clinician'] },
  working: {
    contractType: 'SESSIONAL',
    hoursPerWeek: 15,
    workingDays: ['TUE', 'WED'],
    payBand: 'Band 3 (sessional rate)',
    base: 'Eastfield Recovery College, Library Building',
    teamMeetings: true,
    recordsAccess: false,
    sameIt: true,
  },
  training: { text: 'Recovery college co-production and facilitation training.' },
};

export interface DemoPerson {
  id: string;
  name: string;
}

export interface DemoRoleContext {
  tx: Tx;
  /** Team by name, and person by email, as the seed created or found them. */
  team: (name: string) => { id: string; name: string; archivedAt: Date | null };
  person: (email: string) => DemoPerson;
  audit: (action: string, recordType: string, recordId: string, detail: string) => Promise<void>;
}

export interface DemoRole {
  team: string;
  title: string;
  /** The draft it starts from; DEMO_ROLE_CONTENT's, by title, when left out. */
  content?: RoleContent;
  createdBy: string;
  /** Everyone the stage involves: the role is left out when any of them can no longer speak for the team. */
  people: string[];
  build: (context: DemoRoleContext, role: { id: string; title: string }) => Promise<void>;
}

export async function submitted(context: DemoRoleContext, role: { id: string; title: string }, by: string) {
  const version = await submitVersion(role, context.person(by), context.tx);
  await context.audit('seed.role.submit', 'RoleVersion', version.id, `submitted version ${version.number} of ${role.title}`);
  return version;
}

export async function invited(context: DemoRoleContext, version: { id: string }, emails: string[], by: string) {
  await inviteReviewers(version, emails.map(context.person), context.person(by), context.tx);
  await context.audit('seed.role.reviewers.invite', 'RoleVersion', version.id, `invited ${emails.length} reviewers`);
}

export async function agreed(context: DemoRoleContext, version: { id: string }, emails: string[]) {
  for (const email of emails) {
    const reviewer = context.person(email);
    const state = await recordAgreement(version, reviewer, context.tx);
    await context.audit('seed.role.version.agree', 'RoleVersion', version.id, `${reviewer.name} agreed the version${state.becameAgreed ? '; the version is now Agreed' : ''}`);
  }
}

/** A check sent, answered by those with a plan, and closed by whoever sent it, so that everyone who took part sees its results. */
export async function closedExpectationsCheck(context: DemoRoleContext, role: { id: string; title: string }, by: string, answers: Record<string, AnswerPlan | null>) {
  const check = await createCheck(
    role,
    context.person(by),
    Object.entries(answers).map(([email, plan]) => ({ user: context.person(email), answers: plan ?? undefined })),
    { closed: true },
    context.tx,
  );
  await context.audit('seed.role.expectations.send', 'ExpectationCheck', check.id, `sent an expectations check about ${role.title} to ${check.participants.length} people`);
  for (const [email, plan] of Object.entries(answers)) {
    if (plan) await context.audit('seed.role.expectations.answer', 'ExpectationCheck', check.id, `${context.person(email).name} answered the expectations check`);
  }
  await context.audit('seed.role.expectations.close', 'ExpectationCheck', check.id, `${context.person(by).name} closed the expectations check and shared its results`);
  return check;
}

export const DEMO_ROLES: DemoRole[] = [
  {
    team: 'Northbrook Community Mental Health Team',
    title: 'Peer support worker',
    createdBy: 'manager.cmht@peerroles.test',
    people: [
      'manager.cmht@peerroles.test',
      'staff.cmht@peerroles.test',
      'fiona.macleod@peerroles.test',
      'rajesh.sharma@peerroles.test',
      'peer.cmht@peerroles.test',
      'marcus.bennett@peerroles.test',
      'hr@peerroles.test',
      'rep@peerroles.test',
    ],
    async build(context, role) {
      const MDT = 'Attending ward rounds or MDT meetings';
      // Peer workers and the representative expect to be at the MDT; most non-peer staff did not.
      const check = await closedExpectationsCheck(context, role, 'manager.cmht@peerroles.test', {
        'manager.cmht@peerroles.test': answering({ [MDT]: 'SOMETIMES', 'Writing in clinical records': 'CORE' }),
        'staff.cmht@peerroles.test': answering({ [MDT]: 'NOT_PART' }),
        'fiona.macleod@peerroles.test': answering({ [MDT]: 'SOMETIMES', 'Phone check-ins': 'CORE' }),
        'rajesh.sharma@peerroles.test': answering({ [MDT]: 'NOT_PART', 'Sharing own recovery story': 'SOMETIMES' }),
        'peer.cmht@peerroles.test': answering({ [MDT]: 'CORE', 'Co-producing service changes': 'CORE', 'Writing in clinical records': 'CORE' }),
        'marcus.bennett@peerroles.test': answering({ [MDT]: 'CORE', Advocacy: 'CORE' }),
        'hr@peerroles.test': answering({ 'Recruitment panels': 'CORE' }),
        'rep@peerroles.test': answering({ [MDT]: 'CORE', 'Welcoming new service users': 'CORE' }),
      });
      const mdt = await catalogueActivity(MDT, context.tx);
      await resolveContestedActivity(
        check,
        mdt,
        context.person('manager.cmht@peerroles.test'),
        {
          outcome: 'CLARIFIED',
          section: 'responsibilities',
          note: 'Peer support workers attend the weekly MDT meeting for the people they support and bring a peer perspective; they do not attend ward rounds.',
        },
        context.tx,
      );
      await context.audit('seed.role.contested.resolve', 'ExpectationCheck', check.id, `settled contested activity "${MDT}": clarified, in "${sectionTitle('responsibilities')}"`);

      const version = await submitted(context, role, 'manager.cmht@peerroles.test');
      await invited(context, version, ['manager.cmht@peerroles.test', 'staff.cmht@peerroles.test', 'peer.cmht@peerroles.test', 'hr@peerroles.test'], 'manager.cmht@peerroles.test');
      await agreed(context, version, ['manager.cmht@peerroles.test', 'staff.cmht@peerroles.test', 'peer.cmht@peerroles.test', 'hr@peerroles.test']);
    },
  },
  {
    team: 'Riverside Early Intervention in Psychosis Service',
    title: 'Peer support worker (early intervention)',
    createdBy: 'helen.price@peerroles.test',
    people: [
      'helen.price@peerroles.test',
      'tom.gallagher@peerroles.test',
      'aisha.rahman@peerroles.test',
      'owen.davies@peerroles.test',
      'sophie.clarke@peerroles.test',
      'hr@peerroles.test',
      'rep@peerroles.test',
    ],
    async build(context, role) {
      const RECORDS = 'Writing in clinical records';
      // Contested, not yet settled: peer workers and the representative say core, non-peer staff say not part of the role.
      await closedExpectationsCheck(context, role, 'helen.price@peerroles.test', {
        'helen.price@peerroles.test': answering({ [RECORDS]: 'SOMETIMES', 'Phone check-ins': 'CORE' }),
        'tom.gallagher@peerroles.test': answering({ [RECORDS]: 'NOT_PART' }),
        'aisha.rahman@peerroles.test': answering({ [RECORDS]: 'NOT_PART', 'Supporting families and carers': 'CORE' }),
        'owen.davies@peerroles.test': answering({ [RECORDS]: 'SOMETIMES' }),
        'sophie.clarke@peerroles.test': answering({ [RECORDS]: 'CORE', 'Attending ward rounds or MDT meetings': 'CORE' }),
        'rep@peerroles.test': answering({ [RECORDS]: 'CORE' }),
        // HR did not answer before Helen closed the check.
        'hr@peerroles.test': null,
      });

      const version = await submitted(context, role, 'helen.price@peerroles.test');
      await invited(
        context,
        version,
        ['helen.price@peerroles.test', 'tom.gallagher@peerroles.test', 'aisha.rahman@peerroles.test', 'sophie.clarke@peerroles.test', 'hr@peerroles.test', 'rep@peerroles.test'],
        'helen.price@peerroles.test',
      );
      const sophie = context.person('sophie.clarke@peerroles.test');
      const concern = await createConcern(
        version,
        sophie,
        {
          section: 'working',
          comment:
            'The draft gives peer workers no access to the records system. If we are expected to share what we learn with the team, we need to write brief notes like everyone else; without access we are kept on the edge of the team.',
        },
        context.tx,
      );
      await context.audit('seed.role.concern.raise', 'Concern', concern.id, `${sophie.name} raised a concern about "${sectionTitle('working')}"`);
      const helen = context.person('helen.price@peerroles.test');
      await createConcernReply(concern, helen, 'Thank you, Sophie. I have asked the information governance lead what access peer workers can have, and we will discuss it at Thursday’s team meeting.', context.tx);
      await context.audit('seed.role.concern.reply', 'Concern', concern.id, `${helen.name} replied to a concern`);
      await agreed(context, version, ['helen.price@peerroles.test', 'tom.gallagher@peerroles.test', 'hr@peerroles.test']);
    },
  },
  {
    team: 'Eastfield Recovery College',
    title: 'Peer trainer',
    createdBy: 'gareth.hughes@peerroles.test',
    people: ['gareth.hughes@peerroles.test'],
    async build() {
      // A draft only: nothing submitted yet.
    },
  },
];

export const DEMO_ROLE_CONTENT: Record<string, RoleContent> = {
  'Peer support worker': CMHT_ROLE_CONTENT,
  'Peer support worker (early intervention)': EIP_ROLE_CONTENT,
  'Peer trainer': RECOVERY_COLLEGE_DRAFT,
};

/**
 * Adds each of `roles` (the three teams' above, unless told) that its team does not have yet (matched by title), at its
 * stage. A role is left out when its team is archived or someone it involves can
 * no longer speak for the team (removed or disabled since): demo data must not
 * bring them back. Returns the titles of the roles it added.
 */
export async function seedDemoRoles(context: DemoRoleContext, roles: readonly DemoRole[] = DEMO_ROLES): Promise<string[]> {
  const added: string[] = [];
  for (const demo of roles) {
    const team = context.team(demo.team);
    if (team.archivedAt) continue;
    const existing = await context.tx.role.findFirst({ where: { teamId: team.id, title: { equals: demo.title, mode: 'insensitive' } }, select: { id: true } });
    if (existing) continue;
    const people = demo.people.map(context.person);
    const groups = await stakeholderGroups(context.tx, team.id, people.map((person) => person.id));
    if (!people.every((person) => groups.has(person.id))) continue;

    const role = await createRole({ team, createdBy: context.person(demo.createdBy), title: demo.title, content: demo.content ?? DEMO_ROLE_CONTENT[demo.title] }, context.tx);
    await context.audit('seed.role.create', 'Role', role.id, `started a role description "${role.title}" for ${team.name}`);
    await demo.build(context, role);
    added.push(role.title);
  }
  return added;
}
