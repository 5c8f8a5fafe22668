// Factories for supervision: agreements on placements, their arrangements,
// sessions (with notes encrypted by lib/supervision/crypto.ts exactly as the
// actions encrypt them: the record id chosen first and bound in), comments,
// actions, check-ins and library entries. Like the other factories they write
// straight to the database (no permission checks, no audit events, no
// notifications), so the seed, the demo and the benchmark can reuse them.
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '@/lib/db';
import type { LibraryEntryStatus, LibraryScope, SupervisionActionStatus, SupervisionType } from '@/lib/generated/prisma/enums';
import { encryptField, type Keyring } from '@/lib/supervision/crypto';
import { refreshCheckInFigures, type FiguresRefresh } from '@/lib/supervision/figures';
import { previousQuarter, quarterOf, quarterStart } from '@/lib/supervision/rules';
import { placedPeerWorker } from './onboarding';

type Client = Tx;
type Ref = { id: string };

/** An agreement on a placement: the placement's peer worker and team. Unsigned unless `signedByPeerWorkerAt` is given. */
export async function createAgreement(
  placement: { id: string; userId: string; teamId: string },
  createdBy: Ref,
  options: { signedByPeerWorkerAt?: Date | null } = {},
  client: Client = db,
) {
  return client.supervisionAgreement.create({
    data: { placementId: placement.id, peerWorkerId: placement.userId, teamId: placement.teamId, createdById: createdBy.id, signedByPeerWorkerAt: options.signedByPeerWorkerAt ?? null },
    select: { id: true, placementId: true, peerWorkerId: true, teamId: true, version: true },
  });
}

export type FactoryAgreement = Awaited<ReturnType<typeof createAgreement>>;

export interface ArrangementOptions {
  type?: SupervisionType;
  everyWeeks?: number;
  startsOn?: Date;
  signedBySupervisorAt?: Date | null;
  endedAt?: Date | null;
}

/** One type of supervision in an agreement, from `supervisor`: peer supervision every 4 weeks from 7 December 2026 unless told otherwise. */
export async function createArrangement(agreement: Ref, supervisor: Ref, options: ArrangementOptions = {}, client: Client = db) {
  return client.supervisionArrangement.create({
    data: {
      agreementId: agreement.id,
      supervisorId: supervisor.id,
      type: options.type ?? 'PEER',
      everyWeeks: options.everyWeeks ?? 4,
      startsOn: options.startsOn ?? new Date(Date.UTC(2026, 11, 7)),
      signedBySupervisorAt: options.signedBySupervisorAt ?? null,
      endedAt: options.endedAt ?? null,
    },
    select: { id: true, agreementId: true, supervisorId: true, type: true, everyWeeks: true, startsOn: true },
  });
}

export type FactoryArrangement = Awaited<ReturnType<typeof createArrangement>>;

export interface SessionOptions {
  heldOn?: Date;
  durationMinutes?: number;
  attendees?: string;
  topics?: string[];
  /** Plain text: stored encrypted. */
  notes?: string;
  /** Who recorded it: the supervisor unless given. */
  recordedBy?: Ref;
  /** Co-signed by the other party at this time. */
  cosignedAt?: Date | null;
  amends?: Ref | null;
  /** Encrypt under this keyring rather than the configured one (key rotation tests, the demo). */
  keyring?: Keyring;
}

/** A session under an arrangement, its type and supervisor from it and its peer worker from the agreement. */
export async function createSession(arrangement: { id: string; agreementId: string; supervisorId: string; type: SupervisionType }, options: SessionOptions = {}, client: Client = db) {
  const { peerWorkerId } = await client.supervisionAgreement.findUniqueOrThrow({ where: { id: arrangement.agreementId }, select: { peerWorkerId: true } });
  const id = randomUUID();
  const recordedById = options.recordedBy?.id ?? arrangement.supervisorId;
  const cosignedAt = options.cosignedAt ?? null;
  return client.supervisionSession.create({
    data: {
      id,
      agreementId: arrangement.agreementId,
      arrangementId: arrangement.id,
      type: arrangement.type,
      supervisorId: arrangement.supervisorId,
      peerWorkerId,
      heldOn: options.heldOn ?? new Date(Date.UTC(2026, 11, 3)),
      durationMinutes: options.durationMinutes ?? 60,
      attendees: encryptField(options.attendees ?? '', { table: 'SupervisionSession', recordId: id, field: 'attendees' }, options.keyring),
      topics: options.topics ?? ['lived-experience', 'role-clarity'],
      notes: encryptField(options.notes ?? 'We talked about how the week went.', { table: 'SupervisionSession', recordId: id, field: 'notes' }, options.keyring),
      recordedById,
      cosignedAt,
      cosignedById: cosignedAt ? (recordedById === peerWorkerId ? arrangement.supervisorId : peerWorkerId) : null,
      amendsId: options.amends?.id ?? null,
    },
    select: { id: true, agreementId: true, arrangementId: true, type: true, supervisorId: true, peerWorkerId: true, heldOn: true, recordedById: true, cosignedAt: true, version: true },
  });
}

export type FactorySession = Awaited<ReturnType<typeof createSession>>;

/** A comment on a session by `author`, encrypted. */
export async function createComment(session: Ref, author: Ref, text = 'A fair record, with one thing to add.', options: { keyring?: Keyring } = {}, client: Client = db) {
  const id = randomUUID();
  return client.supervisionComment.create({
    data: { id, sessionId: session.id, authorId: author.id, text: encryptField(text, { table: 'SupervisionComment', recordId: id, field: 'text' }, options.keyring) },
    select: { id: true, sessionId: true, authorId: true },
  });
}

/** An action agreed in a session, owned by `owner`, encrypted; open and due a fortnight after the session unless told otherwise. */
export async function createSessionAction(
  session: { id: string; agreementId: string; heldOn: Date },
  owner: Ref,
  options: { text?: string; dueOn?: Date; status?: SupervisionActionStatus; keyring?: Keyring } = {},
  client: Client = db,
) {
  const id = randomUUID();
  const status = options.status ?? 'OPEN';
  return client.supervisionAction.create({
    data: {
      id,
      agreementId: session.agreementId,
      sessionId: session.id,
      ownerId: owner.id,
      text: encryptField(options.text ?? 'Read the peer support competence framework.', { table: 'SupervisionAction', recordId: id, field: 'text' }, options.keyring),
      dueOn: options.dueOn ?? new Date(session.heldOn.getTime() + 14 * 24 * 60 * 60 * 1000),
      status,
      doneAt: status === 'DONE' ? new Date() : null,
    },
    select: { id: true, agreementId: true, sessionId: true, ownerId: true, status: true, version: true },
  });
}

export type CheckInAnswers = { supported: number; clearRole: number; equalMember: number; experienceValued: number; practiseAsPeer: number };

/** A check-in by `peerWorker` in `team`: 4s unless told otherwise. */
export async function createCheckIn(peerWorker: Ref, team: Ref, options: { answers?: Partial<CheckInAnswers>; answeredAt?: Date; session?: Ref | null } = {}, client: Client = db) {
  return client.checkIn.create({
    data: {
      peerWorkerId: peerWorker.id,
      teamId: team.id,
      sessionId: options.session?.id ?? null,
      answeredAt: options.answeredAt ?? new Date(),
      supported: 4,
      clearRole: 4,
      equalMember: 4,
      experienceValued: 4,
      practiseAsPeer: 4,
      ...options.answers,
    },
    select: { id: true, peerWorkerId: true, teamId: true, sessionId: true, answeredAt: true },
  });
}

export interface LibraryEntryOptions {
  title?: string;
  situation?: string;
  whatIDid?: string;
  whatILearned?: string;
  tags?: string[];
  scope?: LibraryScope;
  status?: LibraryEntryStatus;
  showName?: boolean;
  session?: Ref | null;
  /** Who approved or declined it (for PUBLISHED or DECLINED). */
  reviewedBy?: Ref | null;
  createdAt?: Date;
}

/** A library entry by `author` in `team`, confirmed to identify nobody; proposed unless told otherwise. */
export async function createLibraryEntry(author: Ref, team: Ref, options: LibraryEntryOptions = {}, client: Client = db) {
  const status = options.status ?? 'PROPOSED';
  const reviewed = status === 'PUBLISHED' || status === 'DECLINED';
  return client.libraryEntry.create({
    data: {
      authorId: author.id,
      teamId: team.id,
      sessionId: options.session?.id ?? null,
      scope: options.scope ?? 'ORGANISATION',
      title: options.title ?? 'Holding hope when a colleague did not',
      situation: options.situation ?? 'A colleague spoke about a person as if recovery were not possible for them.',
      whatIDid: options.whatIDid ?? 'I shared, briefly, what hope from others had meant to me, and asked what the person wanted.',
      whatILearned: options.whatILearned ?? 'A short story at the right moment can shift a conversation without taking it over.',
      tags: options.tags ?? ['hope', 'team culture'],
      showName: options.showName ?? false,
      confirmedNoIdentifiers: true,
      status,
      reviewedById: reviewed ? (options.reviewedBy?.id ?? null) : null,
      reviewedAt: reviewed ? new Date() : null,
      withdrawnAt: status === 'WITHDRAWN' ? new Date() : null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
    select: { id: true, authorId: true, teamId: true, status: true, version: true, title: true },
  });
}

export type FactoryLibraryEntry = Awaited<ReturnType<typeof createLibraryEntry>>;

type SupervisionWorld = { thisTeam: Ref; managerOfThisTeam: Ref; staff: Ref; peerWorker: Ref; hr: Ref };

/**
 * The world's peer worker placed in "this" team (placedPeerWorker), with a
 * peer supervisor (a new experienced peer worker, in the team) and the
 * manager as line manager, and an agreement with peer supervision from the
 * peer supervisor every 4 weeks and line management from the manager every 6.
 */
export async function supervisedPeerWorker(world: SupervisionWorld, options: { startsOn?: Date } = {}, client: Client = db) {
  // Made here rather than with createUser, which lives in ./index (that re-exports this file).
  const suffix = randomUUID().slice(0, 8);
  const peerSupervisor = await client.user.create({
    data: { name: `Priya Peer-Supervisor ${suffix}`, email: `peer-supervisor-${suffix}@peerroles.test`, jobTitle: 'Senior peer support worker', orgRole: 'MEMBER' },
    select: { id: true, name: true, email: true },
  });
  await client.teamMembership.create({ data: { teamId: world.thisTeam.id, userId: peerSupervisor.id, role: 'PEER_WORKER' } });
  const placed = await placedPeerWorker(world, { lineManager: world.managerOfThisTeam, peerSupervisor }, client);
  const agreement = await createAgreement(placed.placement, world.managerOfThisTeam, {}, client);
  const startsOn = options.startsOn ?? new Date(Date.UTC(2026, 11, 7));
  const peer = await createArrangement(agreement, peerSupervisor, { type: 'PEER', everyWeeks: 4, startsOn }, client);
  const lineManagement = await createArrangement(agreement, world.managerOfThisTeam, { type: 'LINE_MANAGEMENT', everyWeeks: 6, startsOn }, client);
  return { ...placed, peerSupervisor, agreement, arrangements: { peer, lineManagement } };
}

/**
 * Time passes to the next quarter, as far as check-in figures can tell: this
 * quarter's check-ins move into the last one (keeping their order, within its
 * first seven weeks, and it had no figures yet), and the nightly job works out
 * the quarters that have ended. Figures are only ever shown for ended quarters.
 */
export async function endTheQuarter(): Promise<FiguresRefresh> {
  const current = quarterOf(new Date());
  const began = quarterStart(current);
  const lastBegan = quarterStart(previousQuarter(current));
  await db.$executeRaw`UPDATE "CheckIn" SET "answeredAt" = ${lastBegan}::timestamp + ("answeredAt" - ${began}::timestamp) / 2 WHERE "answeredAt" >= ${began}`;
  // It had not ended before, so it had no figures.
  await db.checkInQuarter.deleteMany({ where: { quarter: previousQuarter(current) } });
  return refreshCheckInFigures();
}
