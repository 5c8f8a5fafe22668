// Demo data shaped like the three teams in Gillard et al. (2013): a community
// mental health team, an early intervention in psychosis service and a recovery
// college, each with a manager, non-peer staff and peer workers, plus an HR lead,
// an administrator and a service-user representative. Their roles are at
// three stages of agreement (agreed, in review, draft): see prisma/demo-roles.ts.
// Two more teams, a crisis team and an inpatient ward, each with an agreed role
// and placed peer workers, show the early-warning signs at their best and in
// trouble (prisma/demo-crisis-team.ts, prisma/demo-inpatient-ward.ts), so that
// between the five teams every sign shows red, amber and green somewhere.
//
//   DATABASE_URL=... npx tsx prisma/seed.ts        (or: npm run db:seed)
//
// Idempotent: people are matched by email, teams by name and roles by team and
// title; what is missing is created and what exists is left exactly as it is
// (the app may have changed it).
// Everything, with its audit events, is written in one transaction.
//
// Passwords: only with PEERROLES_DEMO=1 (set by the scripts for the embedded demo
// database alone) do the demo accounts get the demo password. Otherwise nobody
// has a password and a one-time set-password link is printed for the administrator.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInvitation } from '@/lib/auth/invitations';
import { hashPassword } from '@/lib/auth/password-hash';
import { recordAudit } from '@/lib/audit/record';
import { takeMeasures } from '@/lib/dashboards/measures';
import { db, disconnectDb, type Tx } from '@/lib/db';
import { refreshCheckInFigures } from '@/lib/supervision/figures';
import type { OrgRole, ServiceType, TeamRole } from '@/lib/generated/prisma/enums';
import { upsertMembership, upsertTeam, upsertUser } from '../tests/factories';
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_TASKS } from '@/lib/onboarding/default-template';
import { CRISIS_TEAM_ROLE, seedDemoCrisisTeam } from './demo-crisis-team';
import { INPATIENT_WARD_ROLE, seedDemoInpatientWard } from './demo-inpatient-ward';
import { seedDemoOnboarding } from './demo-onboarding';
import { seedDemoRecruitment } from './demo-recruitment';
import { DEMO_ROLES, seedDemoRoles } from './demo-roles';
import { seedDemoSupervision } from './demo-supervision';

interface SeedPerson {
  email: string;
  name: string;
  jobTitle: string;
  orgRole: OrgRole;
}

interface SeedTeam {
  name: string;
  serviceType: ServiceType;
  description: string;
  members: Array<SeedPerson & { role: TeamRole }>;
}

export interface DemoAccount {
  email: string;
  password: string;
  orgRole: OrgRole;
  teamRole: TeamRole | null;
}

const member = (email: string, name: string, jobTitle: string, role: TeamRole) => ({ email, name, jobTitle, role, orgRole: 'MEMBER' as const });

export const SEED_PEOPLE: SeedPerson[] = [
  { email: 'admin@peerroles.test', name: 'Sarah Mitchell', jobTitle: 'Clinical systems administrator', orgRole: 'ADMIN' },
  { email: 'hr@peerroles.test', name: 'Priya Patel', jobTitle: 'Recruitment and HR business partner', orgRole: 'HR' },
  { email: 'rep@peerroles.test', name: 'Margaret Evans', jobTitle: 'Service-user representative', orgRole: 'SERVICE_USER_REP' },
];

export const SEED_TEAMS: SeedTeam[] = [
  {
    name: 'Northbrook Community Mental Health Team',
    serviceType: 'COMMUNITY_MENTAL_HEALTH',
    description: 'Adult community mental health team covering Northbrook and the surrounding villages.',
    members: [
      member('manager.cmht@peerroles.test', 'Claire Whitfield', 'Community team manager', 'MANAGER'),
      member('staff.cmht@peerroles.test', 'Daniel Okoro', 'Community mental health nurse', 'STAFF'),
      member('fiona.macleod@peerroles.test', 'Fiona MacLeod', 'Occupational therapist', 'STAFF'),
      member('rajesh.sharma@peerroles.test', 'Dr Rajesh Sharma', 'Clinical psychologist', 'STAFF'),
      member('peer.cmht@peerroles.test', 'Jade Thompson', 'Peer support worker', 'PEER_WORKER'),
      member('marcus.bennett@peerroles.test', 'Marcus Bennett', 'Peer support worker (sessional)', 'PEER_WORKER'),
    ],
  },
  {
    name: 'Riverside Early Intervention in Psychosis Service',
    serviceType: 'EARLY_INTERVENTION',
    description: 'Early intervention in psychosis for people aged 14 to 65 experiencing a first episode.',
    members: [
      member('helen.price@peerroles.test', 'Helen Price', 'Early intervention team manager', 'MANAGER'),
      member('tom.gallagher@peerroles.test', 'Tom Gallagher', 'Care coordinator (mental health nurse)', 'STAFF'),
      member('aisha.rahman@peerroles.test', 'Dr Aisha Rahman', 'Clinical psychologist', 'STAFF'),
      member('owen.davies@peerroles.test', 'Owen Davies', 'Support, time and recovery worker', 'STAFF'),
      member('sophie.clarke@peerroles.test', 'Sophie Clarke', 'Peer support worker', 'PEER_WORKER'),
    ],
  },
  {
    name: 'Eastfield Recovery College',
    serviceType: 'RECOVERY_COLLEGE',
    description: 'Co-produced courses on recovery and wellbeing, open to people who use services, carers and staff.',
    members: [
      member('gareth.hughes@peerroles.test', 'Gareth Hughes', 'Recovery college manager', 'MANAGER'),
      member('naomi.fletcher@peerroles.test', 'Naomi Fletcher', 'Course coordinator (occupational therapist)', 'STAFF'),
      member('ben.carter@peerroles.test', 'Ben Carter', 'Support worker', 'STAFF'),
      member('lucy.ward@peerroles.test', 'Lucy Ward', 'Peer trainer', 'PEER_WORKER'),
      member('kwame.mensah@peerroles.test', 'Kwame Mensah', 'Peer trainer (part-time)', 'PEER_WORKER'),
    ],
  },
  {
    name: 'Westmoor Crisis Resolution and Home Treatment Team',
    serviceType: 'CRISIS_HOME_TREATMENT',
    description: 'Assessment and intensive support at home for adults in a mental health crisis, as an alternative to hospital, around the clock.',
    members: [
      member('joanne.pritchard@peerroles.test', 'Joanne Pritchard', 'Crisis team manager', 'MANAGER'),
      member('kerry.lloyd@peerroles.test', 'Kerry Lloyd', 'Crisis practitioner (mental health nurse)', 'STAFF'),
      member('imran.qureshi@peerroles.test', 'Dr Imran Qureshi', 'Consultant psychiatrist', 'STAFF'),
      member('stephen.doyle@peerroles.test', 'Stephen Doyle', 'Approved mental health professional (social worker)', 'STAFF'),
      member('rachel.ellis@peerroles.test', 'Rachel Ellis', 'Senior peer support worker', 'PEER_WORKER'),
      member('dev.chauhan@peerroles.test', 'Dev Chauhan', 'Peer support worker', 'PEER_WORKER'),
      member('megan.foster@peerroles.test', 'Megan Foster', 'Peer support worker', 'PEER_WORKER'),
      member('callum.reid@peerroles.test', 'Callum Reid', 'Peer support worker (weekends)', 'PEER_WORKER'),
    ],
  },
  {
    name: 'Ashby Ward (adult acute inpatient)',
    serviceType: 'INPATIENT_WARD',
    description: 'A 20-bed adult acute mental health ward at Westmoor Hospital.',
    members: [
      member('angela.murray@peerroles.test', 'Angela Murray', 'Ward manager', 'MANAGER'),
      member('patrick.nolan@peerroles.test', 'Patrick Nolan', 'Charge nurse', 'STAFF'),
      member('grace.okafor@peerroles.test', 'Grace Okafor', 'Occupational therapist', 'STAFF'),
      member('zainab.hussain@peerroles.test', 'Zainab Hussain', 'Peer support worker', 'PEER_WORKER'),
      member('liam.turner@peerroles.test', 'Liam Turner', 'Peer support worker', 'PEER_WORKER'),
    ],
  },
];

/** Every demo team's role: the first three teams' at three stages of agreement, the crisis team's and the ward's agreed. */
export const SEED_ROLES = [...DEMO_ROLES, CRISIS_TEAM_ROLE, INPATIENT_WARD_ROLE];

const SEED_SUMMARY = 'Demo data seeded';
const CMHT = SEED_TEAMS[0];

async function loadDemoAccounts(): Promise<DemoAccount[]> {
  // An .mjs module shared with scripts/start.mjs; a variable specifier keeps tsc from wanting its types.
  const specifier: string = '../scripts/demo-accounts.mjs';
  const { DEMO_ACCOUNTS } = (await import(specifier)) as { DEMO_ACCOUNTS: readonly DemoAccount[] };
  return [...DEMO_ACCOUNTS];
}

/** The demo sign-ins that start.mjs prints must be people this seed makes, with the roles it prints. */
export function checkDemoAccounts(accounts: DemoAccount[]): void {
  for (const account of accounts) {
    const person = SEED_PEOPLE.find((candidate) => candidate.email === account.email);
    const cmhtMember = CMHT.members.find((candidate) => candidate.email === account.email);
    // Someone in another demo team (the peer supervisor) prints no team role: it is the community team's role that is printed.
    const otherMember = SEED_TEAMS.flatMap((team) => team.members).find((candidate) => candidate.email === account.email);
    const orgRole = person?.orgRole ?? cmhtMember?.orgRole ?? otherMember?.orgRole;
    const teamRole = cmhtMember?.role ?? null;
    if (!orgRole || orgRole !== account.orgRole || teamRole !== account.teamRole) {
      throw new Error(`scripts/demo-accounts.mjs lists ${account.email} (${account.orgRole}/${account.teamRole}), which prisma/seed.ts does not create that way`);
    }
  }
}

export interface SeedOutcome {
  created: { people: number; teams: number; memberships: number; roles: number; vacancies: number; placements: number; sessions: number };
  demoPasswordsSet: number;
  adminLinkPath: string | null;
  /** Why the supervision demo was not added (no notes key configured), or null. */
  supervisionSkipped: string | null;
}

/** Builds the demo data in `tx`. `demoPasswordHash` gives the demo accounts a password. */
export async function seed(tx: Tx, options: { demoAccounts: DemoAccount[]; demoPasswordHash: string | null }): Promise<SeedOutcome> {
  const demoEmails = new Set(options.demoAccounts.map((account) => account.email));
  const outcome: SeedOutcome = {
    created: { people: 0, teams: 0, memberships: 0, roles: 0, vacancies: 0, placements: 0, sessions: 0 },
    demoPasswordsSet: 0,
    adminLinkPath: null,
    supervisionSkipped: null,
  };
  const audit = (action: string, recordType: string, recordId: string, detail: string) =>
    recordAudit(tx, null, { action, recordType, recordId, summary: `${SEED_SUMMARY}: ${detail}` });

  async function person(seedPerson: SeedPerson) {
    const passwordHash = options.demoPasswordHash && demoEmails.has(seedPerson.email) ? options.demoPasswordHash : null;
    const { user, created, passwordSet } = await upsertUser({ ...seedPerson, passwordHash }, tx);
    if (created) {
      outcome.created.people += 1;
      await audit('seed.person.create', 'User', user.id, `added ${user.name} (${seedPerson.jobTitle})${passwordHash ? ' with the demo password' : ''}`);
    } else if (passwordSet) {
      await audit('seed.person.update', 'User', user.id, `set the demo password for ${user.name}`);
    }
    if (passwordHash && (created || passwordSet)) outcome.demoPasswordsSet += 1;
    return user;
  }

  const people = new Map<string, { id: string; name: string; passwordHash: string | null }>();
  for (const seedPerson of SEED_PEOPLE) people.set(seedPerson.email, await person(seedPerson));

  const teams = new Map<string, { id: string; name: string; archivedAt: Date | null }>();
  for (const seedTeam of SEED_TEAMS) {
    const { team, created } = await upsertTeam({ name: seedTeam.name, serviceType: seedTeam.serviceType, description: seedTeam.description }, tx);
    teams.set(seedTeam.name, team);
    if (created) {
      outcome.created.teams += 1;
      await audit('seed.team.create', 'Team', team.id, `created team ${team.name}`);
    }
    for (const seedMember of seedTeam.members) {
      const user = await person(seedMember);
      people.set(seedMember.email, user);
      const { created: joined } = await upsertMembership(team, user, seedMember.role, tx);
      if (joined) {
        outcome.created.memberships += 1;
        await audit('seed.team.member.add', 'Team', team.id, `added ${user.name} to ${team.name}`);
      }
    }
  }

  const found = <T>(map: Map<string, T>, key: string): T => {
    const value = map.get(key);
    if (!value) throw new Error(`prisma/demo-roles.ts names ${key}, which the seed does not create`);
    return value;
  };
  const context = { tx, team: (name: string) => found(teams, name), person: (email: string) => found(people, email), audit };
  const rolesAdded = await seedDemoRoles(context, SEED_ROLES);
  outcome.created.roles = rolesAdded.length;
  outcome.created.vacancies = await seedDemoRecruitment(context);

  // The organisation's starting onboarding template, from UK guidance (lib/onboarding/default-template.ts), once.
  if (!(await tx.onboardingTemplate.findFirst({ where: { name: DEFAULT_TEMPLATE_NAME }, select: { id: true } }))) {
    const template = await tx.onboardingTemplate.create({
      data: { name: DEFAULT_TEMPLATE_NAME, tasks: { create: DEFAULT_TEMPLATE_TASKS.map((task, position) => ({ ...task, position })) } },
      select: { id: true },
    });
    await audit('seed.onboarding.template.create', 'OnboardingTemplate', template.id, `created the onboarding template "${DEFAULT_TEMPLATE_NAME}" with ${DEFAULT_TEMPLATE_TASKS.length} tasks`);
  }
  // Two peer workers' placements on the CMHT's agreed role, from that template (prisma/demo-onboarding.ts).
  outcome.created.placements = await seedDemoOnboarding(context);
  // Supervision in the same team: agreements, a year of sessions, check-ins and the library, with five more placed peer workers (prisma/demo-supervision.ts).
  const supervision = await seedDemoSupervision(context);
  outcome.created.people += supervision.people;
  outcome.created.memberships += supervision.memberships;
  // The crisis team and the ward: their meetings, systems and placements, and their supervision, check-ins and library.
  const teamDemos = [supervision, await seedDemoCrisisTeam(context), await seedDemoInpatientWard(context)];
  for (const added of teamDemos) {
    outcome.created.placements += added.placements;
    outcome.created.sessions += added.sessions;
  }
  outcome.supervisionSkipped = teamDemos.find((added) => added.skipped)?.skipped ?? null;
  // The ended quarters' check-in figures, as the nightly job works them out (lib/supervision/figures.ts): all of them
  // again when check-ins were added, since the demo backdates some into quarters that may have been worked out already.
  if (teamDemos.some((added) => added.checkIns > 0)) await refreshCheckInFigures({ tx, force: true });
  // What the early-warning signs read, counted as the nightly job counts it, so "Where things stand" has figures at once.
  await takeMeasures({ tx });

  // Without demo passwords, the administrator needs a way in: a one-time link,
  // issued only while they have no password (each new link replaces the last).
  const admin = people.get('admin@peerroles.test');
  if (!options.demoPasswordHash && admin && !admin.passwordHash) {
    outcome.adminLinkPath = await createInvitation(tx, admin.id, null);
    await audit('seed.person.invite', 'User', admin.id, `issued a set-password link for ${admin.name}`);
  }
  return outcome;
}

async function main(): Promise<void> {
  // The supervision demo's notes are encrypted under NOTES_ENCRYPTION_KEYS; unset, the key `npm start` keeps for the
  // embedded demo in .data/notes-keys is used, as `npm run keys:rotate` does (scripts/start.mjs writes it).
  const keysFile = path.join(__dirname, '..', '.data', 'notes-keys');
  if (!process.env.NOTES_ENCRYPTION_KEYS && existsSync(keysFile)) process.env.NOTES_ENCRYPTION_KEYS = readFileSync(keysFile, 'utf8').trim();
  const demoAccounts = await loadDemoAccounts();
  checkDemoAccounts(demoAccounts);
  const demo = process.env.PEERROLES_DEMO === '1';
  const demoPassword = demoAccounts[0]?.password;
  // One hash for every demo account: they share the password, and argon2id is deliberately slow.
  const demoPasswordHash = demo && demoPassword ? await hashPassword(demoPassword) : null;

  const outcome = await db.$transaction((tx) => seed(tx, { demoAccounts, demoPasswordHash }), { timeout: 60_000 });

  const { people, teams, memberships, roles, vacancies, placements, sessions } = outcome.created;
  console.log(
    people + teams + memberships + roles + vacancies + placements + sessions === 0
      ? 'Demo data already present: nothing to add.'
      : `Demo data seeded: ${people} people, ${teams} teams, ${memberships} team memberships, ${roles} role descriptions, ${vacancies} vacancies, ${placements} placements and ${sessions} supervision sessions added.`,
  );
  if (outcome.supervisionSkipped) console.warn(`The demo's supervision records were not added: ${outcome.supervisionSkipped} Set it and run npm run db:seed again to add them.`);
  if (demo && outcome.demoPasswordsSet > 0) console.log(`Demo password set for ${outcome.demoPasswordsSet} demo account(s) (embedded demo database).`);
  if (outcome.adminLinkPath) {
    const base = (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/u, '');
    console.log('\nThe administrator (admin@peerroles.test) has no password yet. This one-time link sets it; it works once and expires in 7 days:');
    console.log(`  ${base}${outcome.adminLinkPath}\n`);
  }
}

// Run as a script (tsx prisma/seed.ts), not when imported by a test.
if (require.main === module) {
  main()
    .then(() => disconnectDb())
    .catch(async (error: unknown) => {
      console.error('Seeding failed:', error);
      await disconnectDb().catch(() => undefined);
      process.exit(1);
    });
}
