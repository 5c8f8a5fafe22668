// Factories that build state directly in the database, shared by the tests and
// by prisma/seed.ts. Each takes an optional client (a transaction or the app's
// client) so the seed can build everything in one transaction.
import { randomUUID } from 'node:crypto';
import { createInvitation as issueInvitationLink } from '@/lib/auth/invitations';
import { hashPassword } from '@/lib/auth/password-hash';
import { db, type Tx } from '@/lib/db';
import type { OrgRole, ServiceType, TeamRole } from '@/lib/generated/prisma/enums';

export type Client = Tx;

/** A password used by factory-made people when a test needs one: long and uncommon enough for the rules. */
export const TEST_PASSWORD = 'correct horse battery staple 2026';

let testPasswordHash: Promise<string> | undefined;
/** The hash of TEST_PASSWORD, computed once per process: argon2id is deliberately slow. */
export function hashOfTestPassword(): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

/** A short unique suffix, so records made by different tests in one database never collide. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export interface UserOptions {
  name?: string;
  email?: string;
  jobTitle?: string | null;
  orgRole?: OrgRole;
  /** Hashed with argon2id (about 20 to 50 ms). Leave out for a person who has not set a password yet. */
  password?: string;
  /** An existing hash, to give many people a password without hashing each time. */
  passwordHash?: string | null;
  disabled?: boolean;
}

async function userData(options: UserOptions) {
  const suffix = uniqueSuffix();
  const passwordHash = options.password !== undefined ? await hashPassword(options.password) : (options.passwordHash ?? null);
  return {
    name: options.name ?? `Test Person ${suffix}`,
    email: (options.email ?? `person-${suffix}@peerroles.test`).toLowerCase(),
    jobTitle: options.jobTitle ?? null,
    orgRole: options.orgRole ?? 'MEMBER',
    passwordHash,
    disabledAt: options.disabled ? new Date() : null,
  } as const;
}

export type FactoryUser = Awaited<ReturnType<typeof createUser>>;

const userSelect = { id: true, name: true, email: true, jobTitle: true, orgRole: true, version: true, disabledAt: true, passwordHash: true } as const;

export async function createUser(options: UserOptions = {}, client: Client = db) {
  return client.user.create({ data: await userData(options), select: userSelect });
}

/**
 * The person with this email, created when missing. An existing person is left
 * as they are (re-running the seed must not overwrite changes made in the app),
 * except that a password is set when they have none and one is given.
 */
export async function upsertUser(options: UserOptions & { email: string }, client: Client = db) {
  const email = options.email.toLowerCase();
  const existing = await client.user.findUnique({ where: { email }, select: userSelect });
  if (!existing) return { user: await createUser(options, client), created: true, passwordSet: false };
  const wantsPassword = options.password !== undefined || !!options.passwordHash;
  if (existing.passwordHash || !wantsPassword) return { user: existing, created: false, passwordSet: false };
  const { passwordHash } = await userData(options);
  const user = await client.user.update({ where: { id: existing.id }, data: { passwordHash, version: { increment: 1 } }, select: userSelect });
  return { user, created: false, passwordSet: true };
}

export interface TeamOptions {
  name?: string;
  serviceType?: ServiceType;
  description?: string;
  archived?: boolean;
}

const teamSelect = { id: true, name: true, serviceType: true, description: true, archivedAt: true, version: true } as const;

export type FactoryTeam = Awaited<ReturnType<typeof createTeam>>;

export async function createTeam(options: TeamOptions = {}, client: Client = db) {
  return client.team.create({
    data: {
      name: options.name ?? `Test Team ${uniqueSuffix()}`,
      serviceType: options.serviceType ?? 'COMMUNITY_MENTAL_HEALTH',
      description: options.description ?? '',
      archivedAt: options.archived ? new Date() : null,
    },
    select: teamSelect,
  });
}

/**
 * The team with this name (ignoring case, as the app does), created when missing.
 * An existing one is left as it is, even when archived: re-running the seed must
 * not bring back a team an administrator archived.
 */
export async function upsertTeam(options: TeamOptions & { name: string }, client: Client = db) {
  const existing = await client.team.findFirst({
    where: { name: { equals: options.name, mode: 'insensitive' } },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
    select: teamSelect,
  });
  if (existing) return { team: existing, created: false };
  return { team: await createTeam(options, client), created: true };
}

export async function addMembership(team: { id: string }, user: { id: string }, role: TeamRole, client: Client = db) {
  return client.teamMembership.create({ data: { teamId: team.id, userId: user.id, role }, select: { id: true, teamId: true, userId: true, role: true } });
}

/** The membership, created when missing; an existing one keeps its role. */
export async function upsertMembership(team: { id: string }, user: { id: string }, role: TeamRole, client: Client = db) {
  const existing = await client.teamMembership.findUnique({
    where: { teamId_userId: { teamId: team.id, userId: user.id } },
    select: { id: true, teamId: true, userId: true, role: true },
  });
  if (existing) return { membership: existing, created: false };
  return { membership: await addMembership(team, user, role, client), created: true };
}

export interface InvitationOptions {
  createdBy?: { id: string } | null;
  /** When the link was issued; it expires 7 days later. */
  now?: Date;
}

/** A one-time set-password link, made the way the app makes it. Returns the raw token and the link's path. */
export async function createInvitation(user: { id: string }, options: InvitationOptions = {}, client: Client = db) {
  const path = await issueInvitationLink(client, user.id, options.createdBy?.id ?? null, options.now);
  const token = path.slice(path.lastIndexOf('/') + 1);
  return { token, path };
}

export interface WorldOptions {
  /** Give every person this password hash (see hashOfTestPassword); by default nobody has a password. */
  passwordHash?: string | null;
}

/**
 * The standard cast of the authorization matrix: an administrator, an HR lead,
 * the manager, a non-peer staff member and a peer worker of "this" team, the
 * manager of another team, a service-user representative, and a person in no
 * team yet. Names are unique, so several worlds can live in one database.
 */
export async function buildWorld(options: WorldOptions = {}, client: Client = db) {
  const suffix = uniqueSuffix();
  const passwordHash = options.passwordHash ?? null;
  const person = (key: string, name: string, orgRole: OrgRole, jobTitle: string) =>
    createUser({ name: `${name} ${suffix}`, email: `${key}-${suffix}@peerroles.test`, orgRole, jobTitle, passwordHash }, client);

  // Independent rows are inserted concurrently: the matrix builds a world for every call.
  const [thisTeam, otherTeam] = await Promise.all([
    createTeam({ name: `This Team ${suffix}`, serviceType: 'COMMUNITY_MENTAL_HEALTH' }, client),
    createTeam({ name: `Other Team ${suffix}`, serviceType: 'EARLY_INTERVENTION' }, client),
  ]);
  const [admin, hr, managerOfThisTeam, managerOfOtherTeam, staff, peerWorker, serviceUserRep, newcomer] = await Promise.all([
    person('admin', 'Ada Admin', 'ADMIN', 'Systems administrator'),
    person('hr', 'Harriet Human-Resources', 'HR', 'Recruitment lead'),
    person('manager-this', 'Martha Manager', 'MEMBER', 'Team manager'),
    person('manager-other', 'Oliver Othermanager', 'MEMBER', 'Team manager'),
    person('staff', 'Sam Staff', 'MEMBER', 'Community psychiatric nurse'),
    person('peer', 'Pat Peer', 'MEMBER', 'Peer support worker'),
    person('rep', 'Robin Representative', 'SERVICE_USER_REP', 'Service-user representative'),
    person('newcomer', 'Nia Newcomer', 'MEMBER', 'Occupational therapist'),
  ]);
  const [managerOfThisTeamMembership, staffMembership, peerWorkerMembership, managerOfOtherTeamMembership] = await Promise.all([
    addMembership(thisTeam, managerOfThisTeam, 'MANAGER', client),
    addMembership(thisTeam, staff, 'STAFF', client),
    addMembership(thisTeam, peerWorker, 'PEER_WORKER', client),
    addMembership(otherTeam, managerOfOtherTeam, 'MANAGER', client),
  ]);
  const memberships = {
    managerOfThisTeam: managerOfThisTeamMembership,
    staff: staffMembership,
    peerWorker: peerWorkerMembership,
    managerOfOtherTeam: managerOfOtherTeamMembership,
  };

  return {
    suffix,
    thisTeam,
    otherTeam,
    admin,
    hr,
    managerOfThisTeam,
    managerOfOtherTeam,
    staff,
    peerWorker,
    serviceUserRep,
    newcomer,
    memberships,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** The eight kinds of caller in the authorization matrix. */
export const CALLERS = ['signedOut', 'admin', 'hr', 'managerOfThisTeam', 'managerOfOtherTeam', 'staff', 'peerWorker', 'serviceUserRep'] as const;
export type Caller = (typeof CALLERS)[number];

/** The person behind a caller in this world, or null when signed out. */
export function callerUser(world: World, caller: Caller): FactoryUser | null {
  return caller === 'signedOut' ? null : world[caller];
}

export * from './roles';
export * from './recruitment';
export * from './onboarding';
export * from './supervision';
