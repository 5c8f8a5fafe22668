// Factories for role descriptions, their versions, reviews and expectations
// checks. Like the rest of tests/factories they write straight to the database
// (no permission checks, no audit events: the seed writes its own), but they
// keep the domain's invariants by using the same pieces the actions use: the
// stakeholder group comes from lib/teams/stakeholders.ts and the Agreed status
// from lib/agreement/status.ts. Each takes an optional client, so the seed can
// build everything in one transaction.
import { db, type Tx } from '@/lib/db';
import type { ContestedOutcome, ExpectationAnswer, RequirementGroup, StakeholderGroup } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import { refreshAgreement } from '@/lib/agreement/status';
import { parseContent, type RoleContent, type RoleSectionKey } from '@/lib/roles/rules';
import { stakeholderGroups } from '@/lib/teams/stakeholders';

type Client = Tx;
type Ref = { id: string };

const json = (content: RoleContent) => content as unknown as Prisma.InputJsonValue;

/** A role description with every section filled in: it can be submitted as it is. */
export const COMPLETE_ROLE_CONTENT: RoleContent = {
  purpose: {
    text: 'To offer peer support to people using the team, drawing on lived experience of mental distress and recovery.\nTo help the team keep hope and recovery at the centre of its work.',
  },
  values: { selected: ['Mutuality', 'Reciprocity', 'Hope', 'Lived experience as expertise'], notes: '' },
  responsibilities: { items: ['Offer one-to-one peer support', 'Co-facilitate recovery groups', 'Support people to use community resources'] },
  notPart: { items: ['Carrying out observations', 'Administering or supervising medication', 'Acting as a substitute for a clinician'] },
  working: {
    contractType: 'PERMANENT',
    hoursPerWeek: 22.5,
    workingDays: ['MON', 'TUE', 'THU'],
    payBand: 'Band 3',
    base: 'Community team base',
    teamMeetings: true,
    recordsAccess: true,
    sameIt: true,
  },
  supervision: {
    arrangements: [
      { type: 'PEER_SUPERVISION', provider: 'An experienced peer worker', everyWeeks: 4 },
      { type: 'LINE_MANAGEMENT', provider: 'Team manager', everyWeeks: 6 },
    ],
  },
  training: { text: 'Peer support training against the competence framework; WRAP facilitator training.' },
  progression: { text: 'Senior peer support worker (Band 4) after a year in post.' },
};

/** A copy of `record` without `keys`: for inputs with something left out. */
export function without<T extends object>(record: T, ...keys: PropertyKey[]): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key))) as Partial<T>;
}

/** COMPLETE_ROLE_CONTENT with some sections replaced. */
export function roleContent(overrides: Partial<RoleContent> = {}): RoleContent {
  return { ...structuredClone(COMPLETE_ROLE_CONTENT), ...structuredClone(overrides) };
}

const roleSelect = { id: true, teamId: true, title: true, draftVersion: true, draftChanged: true } as const;
export type FactoryRole = Awaited<ReturnType<typeof createRole>>;

export interface RoleOptions {
  team: Ref;
  createdBy: Ref;
  title?: string;
  /** The draft; complete by default, so it can be submitted at once. */
  content?: RoleContent;
}

export async function createRole(options: RoleOptions, client: Client = db) {
  return client.role.create({
    data: {
      teamId: options.team.id,
      title: options.title ?? `Peer support worker ${Math.random().toString(36).slice(2, 8)}`,
      draft: json(options.content ?? COMPLETE_ROLE_CONTENT),
      createdById: options.createdBy.id,
    },
    select: roleSelect,
  });
}

/** The role's current draft and its concurrency version, read back from the database. */
export async function readDraft(role: Ref, client: Client = db) {
  const row = await client.role.findUniqueOrThrow({ where: { id: role.id }, select: { draft: true, draftVersion: true, draftChanged: true } });
  return { content: parseContent(row.draft), draftVersion: row.draftVersion, draftChanged: row.draftChanged };
}

/** Replaces the draft as an edit in the app would: a new draftVersion, marked as changed. */
export async function editDraft(role: Ref, content: RoleContent, client: Client = db) {
  return client.role.update({ where: { id: role.id }, data: { draft: json(content), draftVersion: { increment: 1 }, draftChanged: true }, select: roleSelect });
}

const versionSelect = { id: true, roleId: true, number: true, status: true, content: true, agreedAt: true } as const;
export type FactoryVersion = Awaited<ReturnType<typeof submitVersion>>;

/**
 * Freezes the role's draft as its next numbered version, in review, as
 * submitting does: a version still in review is superseded, an agreed one stays.
 */
export async function submitVersion(role: Ref, submittedBy: Ref, client: Client = db) {
  const { content } = await readDraft(role, client);
  const latest = await client.roleVersion.findFirst({ where: { roleId: role.id }, orderBy: { number: 'desc' }, select: { number: true } });
  await client.roleVersion.updateMany({ where: { roleId: role.id, status: 'IN_REVIEW' }, data: { status: 'SUPERSEDED' } });
  const version = await client.roleVersion.create({
    data: { roleId: role.id, number: (latest?.number ?? 0) + 1, content: json(content), submittedById: submittedBy.id },
    select: versionSelect,
  });
  await client.role.update({ where: { id: role.id }, data: { draftChanged: false } });
  return version;
}

async function teamOfVersion(version: Ref, client: Client) {
  const row = await client.roleVersion.findUniqueOrThrow({ where: { id: version.id }, select: { role: { select: { teamId: true } } } });
  return row.role.teamId;
}

/** Invites people to review a version, each in the stakeholder group the database gives them. */
export async function inviteReviewers(version: Ref, people: readonly Ref[], invitedBy: Ref, client: Client = db) {
  const teamId = await teamOfVersion(version, client);
  const groups = await stakeholderGroups(client, teamId, people.map((person) => person.id));
  const missing = people.filter((person) => !groups.has(person.id));
  if (missing.length > 0) throw new Error(`inviteReviewers: ${missing.map((person) => person.id).join(', ')} cannot review a role of team ${teamId}`);
  await client.reviewInvitation.createMany({ data: people.map((person) => ({ versionId: version.id, userId: person.id, group: groups.get(person.id)!, invitedById: invitedBy.id })) });
  return people.map((person) => ({ userId: person.id, group: groups.get(person.id)! }));
}

export async function inviteReviewer(version: Ref, person: Ref, invitedBy: Ref, client: Client = db) {
  const [invitation] = await inviteReviewers(version, [person], invitedBy, client);
  return invitation;
}

/**
 * An invited reviewer agrees the version, in the group they were invited for;
 * the agreement rule then runs as it does in the app (the version may become Agreed).
 */
export async function recordAgreement(version: Ref, reviewer: Ref, client: Client = db) {
  const invitation = await client.reviewInvitation.findUniqueOrThrow({ where: { versionId_userId: { versionId: version.id, userId: reviewer.id } }, select: { group: true } });
  await client.agreement.create({ data: { versionId: version.id, userId: reviewer.id, group: invitation.group } });
  return refreshAgreement(client, version.id);
}

export interface ConcernOptions {
  section?: RoleSectionKey;
  comment?: string;
}

export async function createConcern(version: Ref, reviewer: Ref, options: ConcernOptions = {}, client: Client = db) {
  return client.concern.create({
    data: { versionId: version.id, raisedById: reviewer.id, section: options.section ?? 'notPart', comment: options.comment ?? 'This section needs another look.' },
    select: { id: true, versionId: true, raisedById: true, status: true },
  });
}

export async function createConcernReply(concern: Ref, author: Ref, body: string, client: Client = db) {
  return client.concernReply.create({ data: { concernId: concern.id, authorId: author.id, body }, select: { id: true } });
}

/** Resolves a concern and re-applies the agreement rule when its version is in review. */
export async function markConcernResolved(concern: Ref, resolvedBy: Ref, options: { reason?: string } = {}, client: Client = db) {
  const row = await client.concern.update({
    where: { id: concern.id },
    data: { status: 'RESOLVED', resolvedById: resolvedBy.id, resolvedAt: new Date(), resolutionReason: options.reason ?? null },
    select: { versionId: true, version: { select: { status: true } } },
  });
  return row.version.status === 'IN_REVIEW' ? refreshAgreement(client, row.versionId) : null;
}

/** Sets a team's agreement policy: every requirement group, 0 where not listed. */
export async function setAgreementPolicy(team: Ref, minimums: Partial<Record<RequirementGroup, number>>, client: Client = db) {
  await client.agreementRequirement.deleteMany({ where: { teamId: team.id } });
  const groups: RequirementGroup[] = ['MANAGER', 'STAFF', 'PEER_WORKER', 'SERVICE_USER_REP', 'HR', 'PEER_OR_REP'];
  await client.agreementRequirement.createMany({ data: groups.map((group) => ({ teamId: team.id, group, minimum: minimums[group] ?? 0 })) });
}

export interface ActivityOptions {
  /** A team's own activity; organisation-wide when left out. */
  team?: Ref | null;
  name?: string;
  description?: string;
  archived?: boolean;
}

export async function createActivity(options: ActivityOptions = {}, client: Client = db) {
  return client.activity.create({
    data: {
      teamId: options.team?.id ?? null,
      name: options.name ?? `Test activity ${Math.random().toString(36).slice(2, 8)}`,
      description: options.description ?? '',
      sortOrder: 1000,
      archivedAt: options.archived ? new Date() : null,
    },
    select: { id: true, teamId: true, name: true },
  });
}

/** The activities a team's expectations check asks about: the organisation's and the team's own, not archived. */
export function activityCatalogue(team: Ref, client: Client = db) {
  return client.activity.findMany({
    where: { archivedAt: null, OR: [{ teamId: null }, { teamId: team.id }] },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, teamId: true },
  });
}

/** How one participant answers: a default for every activity, and answers by activity name. */
export interface AnswerPlan {
  default: ExpectationAnswer;
  byName?: Record<string, ExpectationAnswer>;
}

/** Every activity of the catalogue answered by the plan: the input answerExpectations takes. */
export function answersFor(catalogue: ReadonlyArray<{ id: string; name: string }>, plan: AnswerPlan): Record<string, ExpectationAnswer> {
  return Object.fromEntries(catalogue.map((activity) => [activity.id, plan.byName?.[activity.name] ?? plan.default]));
}

export interface CheckParticipant {
  user: Ref;
  /** Left out: invited but has not answered yet. */
  answers?: AnswerPlan;
}

/**
 * An expectations check sent to these people (each in the group the database
 * gives them), with the answers of those who have answered. Like sending a new
 * check in the app, it closes the role's previous open check.
 */
export async function createCheck(role: Ref, createdBy: Ref, participants: readonly CheckParticipant[], options: { closed?: boolean } = {}, client: Client = db) {
  const { teamId } = await client.role.findUniqueOrThrow({ where: { id: role.id }, select: { teamId: true } });
  const groups = await stakeholderGroups(client, teamId, participants.map((participant) => participant.user.id));
  const missing = participants.filter((participant) => !groups.has(participant.user.id));
  if (missing.length > 0) throw new Error(`createCheck: ${missing.map((participant) => participant.user.id).join(', ')} cannot answer about a role of team ${teamId}`);
  await client.expectationCheck.updateMany({ where: { roleId: role.id, closedAt: null }, data: { closedAt: new Date() } });
  const check = await client.expectationCheck.create({ data: { roleId: role.id, createdById: createdBy.id, closedAt: options.closed ? new Date() : null }, select: { id: true, roleId: true } });
  const catalogue = await activityCatalogue({ id: teamId }, client);
  const rows: Array<{ participantId: string; userId: string; group: StakeholderGroup }> = [];
  for (const participant of participants) {
    const group = groups.get(participant.user.id)!;
    const row = await client.expectationParticipant.create({
      data: { checkId: check.id, userId: participant.user.id, group, submittedAt: participant.answers ? new Date() : null },
      select: { id: true },
    });
    rows.push({ participantId: row.id, userId: participant.user.id, group });
    if (participant.answers) {
      const answers = answersFor(catalogue, participant.answers);
      await client.expectationResponse.createMany({ data: Object.entries(answers).map(([activityId, answer]) => ({ participantId: row.id, activityId, answer })) });
    }
  }
  return { ...check, participants: rows, catalogue };
}

export interface ContestedResolutionOptions {
  outcome: ContestedOutcome;
  section: RoleSectionKey;
  note: string;
}

export async function resolveContestedActivity(check: Ref, activity: Ref, resolvedBy: Ref, options: ContestedResolutionOptions, client: Client = db) {
  return client.contestedResolution.create({
    data: { checkId: check.id, activityId: activity.id, resolvedById: resolvedBy.id, outcome: options.outcome, section: options.section, note: options.note },
    select: { id: true },
  });
}

/** An activity of the organisation's catalogue, by name (the roles migration seeds 26). */
export async function catalogueActivity(name: string, client: Client = db) {
  return client.activity.findFirstOrThrow({ where: { teamId: null, name }, select: { id: true, name: true, teamId: true } });
}

/**
 * The part of a test world most role tests start from: a role of this team
 * whose version 1 is in review, with the non-peer staff member and the
 * service-user representative (from outside the team) invited to review it.
 */
export async function roleInReview(
  world: { thisTeam: Ref; managerOfThisTeam: Ref; staff: Ref; serviceUserRep: Ref },
  options: { title?: string; reviewers?: readonly Ref[] } = {},
  client: Client = db,
) {
  const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam, title: options.title }, client);
  const version = await submitVersion(role, world.managerOfThisTeam, client);
  await inviteReviewers(version, options.reviewers ?? [world.staff, world.serviceUserRep], world.managerOfThisTeam, client);
  return { role, version };
}
