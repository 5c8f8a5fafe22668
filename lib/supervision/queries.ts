import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LibraryEntryStatus, LibraryScope, SupervisionActionStatus, SupervisionType } from '@/lib/generated/prisma/enums';
import { pageArgs, toPage } from '@/lib/pagination';
import { can, teamsGranting, type RecordRelation } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';
import { getAgreementAccess, mayReadNotes, peerSupervisedTeams, visibleAgreementsWhere, type AgreementAccess } from '@/lib/supervision/access';
import { decryptField, NoteDecryptionError, readsAsPlaintext, type FieldContext } from '@/lib/supervision/crypto';
import { figureAsSeen, figuresCountingOthers, figuresThreshold, storedFigure, TOO_FEW, type ShownFigure } from '@/lib/supervision/figures';
import { calendarDay, CHECK_IN_QUESTIONS, dueState, nextDue, previousQuarter, quarterOf, quarterStart, type CheckInQuestion, type DueState } from '@/lib/supervision/rules';

/*
 * What each supervision page shows, already cut to what the person may see
 * (lib/supervision/access.ts decides). That supervision happens (type, date,
 * duration, topics, co-signed or not, due or overdue) reaches everyone who may
 * view the agreement. A session's notes, its comments and its actions reach
 * only the two people in it: they are selected only in reads that already
 * passed `mayReadNotes`, or under a `where` naming the signed-in person as one
 * of the two, and decrypted only after `mayReadNotes` says yes again. Nobody
 * else is told whether there are any.
 *
 * Each page reads in at most four round trips after the signed-in person,
 * whatever the data holds: relations are nested selects (one statement with
 * lateral joins), lists are cut to a page.
 */

/** Today as the date columns store days: UTC midnight. */
const today = () => calendarDay(new Date());

/**
 * A private value decrypted for one of the two people in a session, or null
 * when it does not decrypt (tampered with, or under a key no longer
 * configured): the page then says so without any of the content.
 */
function readPrivate(value: string, context: FieldContext): string | null {
  if (readsAsPlaintext(value, context)) return value;
  try {
    return decryptField(value, context);
  } catch (error) {
    if (error instanceof NoteDecryptionError) return null;
    throw error;
  }
}

/** When one arrangement is next due and how it stands today. */
function dueOf(arrangement: { everyWeeks: number; startsOn: Date }, lastHeldOn: Date | null, on: Date): { due: Date; state: DueState } {
  const due = nextDue(arrangement, lastHeldOn);
  return { due, state: dueState(due, on) };
}

/** The last session held under an arrangement (an amendment repeats its original's day, so either will do). */
const lastSessionSelect = { orderBy: [{ heldOn: 'desc' }], take: 1, select: { heldOn: true } } satisfies Prisma.SupervisionArrangement$sessionsArgs;

/** Sessions as held: an amended record and its amendment are one session. */
const heldSessionWhere: Prisma.SupervisionSessionWhereInput = { amendedBy: { is: null } };

/** The topics catalogue, in its order: labels for the keys sessions store. */
function topicCatalogue() {
  return db.supervisionTopic.findMany({ orderBy: [{ position: 'asc' }, { key: 'asc' }], take: 100, select: { key: true, label: true } });
}

export type Topic = Awaited<ReturnType<typeof topicCatalogue>>[number];

function topicLabels(topics: readonly Topic[], keys: readonly string[]): string[] {
  const labels = new Map(topics.map((topic) => [topic.key, topic.label]));
  return keys.map((key) => labels.get(key) ?? key);
}

// ---- The supervision page ----

const agreementListOrder: Prisma.SupervisionAgreementOrderByWithRelationInput[] = [{ team: { name: 'asc' } }, { peerWorker: { name: 'asc' } }, { id: 'asc' }];

/**
 * The agreements a person may open (their own, those they supervise or line
 * manage, their teams' for managers, every one for HR and administrators),
 * each current type with its supervisor and when it is next due, and the share
 * of sessions that were peer supervision: counts only.
 */
export async function listAgreements(user: CurrentUser, page: number) {
  const where = visibleAgreementsWhere(user);
  // The page's ids first, then their details: the due dates and counts are worked out for 25 agreements, not all of them.
  const [ids, total] = await Promise.all([db.supervisionAgreement.findMany({ where, orderBy: agreementListOrder, ...pageArgs(page), select: { id: true } }), db.supervisionAgreement.count({ where })]);
  const rows =
    ids.length === 0
      ? []
      : await db.supervisionAgreement.findMany({
          where: { id: { in: ids.map((row) => row.id) } },
          orderBy: agreementListOrder,
          select: {
            id: true,
            peerWorkerId: true,
            signedByPeerWorkerAt: true,
            peerWorker: { select: { name: true } },
            team: { select: { name: true } },
            placement: { select: { endedAt: true } },
            arrangements: {
              orderBy: [{ type: 'asc' }, { createdAt: 'asc' }],
              select: {
                id: true,
                type: true,
                everyWeeks: true,
                startsOn: true,
                endedAt: true,
                signedBySupervisorAt: true,
                supervisor: { select: { name: true } },
                sessions: lastSessionSelect,
                _count: { select: { sessions: { where: heldSessionWhere } } },
              },
            },
          },
        });
  const on = today();
  const items = rows.map((row) => {
    const ended = row.placement.endedAt !== null;
    const sessions = row.arrangements.reduce((sum, arrangement) => sum + arrangement._count.sessions, 0);
    const peerSessions = row.arrangements.filter((arrangement) => arrangement.type === 'PEER').reduce((sum, arrangement) => sum + arrangement._count.sessions, 0);
    return {
      id: row.id,
      peerWorkerName: row.peerWorker.name,
      isOwn: row.peerWorkerId === user.id,
      teamName: row.team.name,
      ended,
      signedByPeerWorker: row.signedByPeerWorkerAt !== null,
      arrangements: row.arrangements
        .filter((arrangement) => !arrangement.endedAt)
        .map((arrangement) => ({
          id: arrangement.id,
          type: arrangement.type,
          supervisorName: arrangement.supervisor.name,
          everyWeeks: arrangement.everyWeeks,
          signed: arrangement.signedBySupervisorAt !== null,
          ...(ended ? { due: null, state: null } : dueOf(arrangement, arrangement.sessions[0]?.heldOn ?? null, on)),
        })),
      sessions,
      peerSessions,
    };
  });
  return toPage(items, total, page);
}

export type AgreementRow = Awaited<ReturnType<typeof listAgreements>>['items'][number];

/** Current placements with no supervision agreement yet, in teams the person manages or for people they line manage. */
export async function placementsWithoutAgreement(user: CurrentUser) {
  const teams = teamsGranting(user, 'supervision.agreement.manage');
  const scope: Prisma.PlacementWhereInput = teams === 'ALL' ? {} : { OR: [...(teams.length > 0 ? [{ teamId: { in: teams } }] : []), { lineManagerId: user.id }] };
  const rows = await db.placement.findMany({
    where: { endedAt: null, supervision: { is: null }, team: { archivedAt: null }, ...scope },
    orderBy: [{ team: { name: 'asc' } }, { user: { name: 'asc' } }, { id: 'asc' }],
    take: 100,
    select: { id: true, startDate: true, user: { select: { name: true } }, team: { select: { name: true } }, roleVersion: { select: { role: { select: { title: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.user.name, teamName: row.team.name, roleTitle: row.roleVersion.role.title, startDate: row.startDate }));
}

// ---- Setting up an agreement ----

/** The placement a manager sets supervision up for, or null when they may not (or it does not exist). Says when one exists already or it has ended. */
export async function getNewAgreementForm(user: CurrentUser, placementId: string) {
  if (!isUuid(placementId)) return null;
  const placement = await db.placement.findUnique({
    where: { id: placementId },
    select: {
      id: true,
      teamId: true,
      lineManagerId: true,
      startDate: true,
      endedAt: true,
      user: { select: { name: true } },
      team: { select: { name: true, archivedAt: true } },
      lineManager: { select: { name: true } },
      peerSupervisor: { select: { name: true } },
      roleVersion: { select: { role: { select: { title: true } } } },
      supervision: { select: { id: true } },
    },
  });
  if (!placement) return null;
  const relations: RecordRelation[] = placement.lineManagerId === user.id ? ['LINE_MANAGER'] : [];
  if (!can(user, 'supervision.agreement.manage', { teamId: placement.teamId, relations })) return null;
  return {
    placement: {
      id: placement.id,
      name: placement.user.name,
      teamName: placement.team.name,
      teamArchived: placement.team.archivedAt !== null,
      roleTitle: placement.roleVersion.role.title,
      startDate: placement.startDate,
      endedAt: placement.endedAt,
      lineManager: placement.lineManager?.name ?? null,
      peerSupervisor: placement.peerSupervisor?.name ?? null,
    },
    existingAgreementId: placement.supervision?.id ?? null,
  };
}

// ---- An agreement ----

/** Who, where, and the current arrangements with their supervisors: the heading of the pages under an agreement. */
function agreementHeading(agreementId: string) {
  return db.supervisionAgreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: {
      id: true,
      version: true,
      peerWorker: { select: { name: true } },
      team: { select: { name: true } },
      placement: { select: { endedAt: true } },
      arrangements: {
        where: { endedAt: null },
        orderBy: [{ type: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, type: true, supervisorId: true, everyWeeks: true, endedAt: true, signedBySupervisorAt: true, supervisor: { select: { name: true } } },
      },
    },
  });
}

function headingOf(found: Awaited<ReturnType<typeof agreementHeading>>) {
  return {
    id: found.id,
    version: found.version,
    peerWorkerName: found.peerWorker.name,
    teamName: found.team.name,
    ended: found.placement.endedAt !== null,
    arrangements: found.arrangements.map((arrangement) => ({ id: arrangement.id, type: arrangement.type, supervisorId: arrangement.supervisorId, supervisorName: arrangement.supervisor.name, everyWeeks: arrangement.everyWeeks })),
  };
}

export type AgreementHeading = ReturnType<typeof headingOf>;

/**
 * One agreement as this person may see it, or null: its arrangements and when
 * each is next due, a page of its sessions (facts only), and the open actions
 * carried over. An action's text reaches only the two people in the session it
 * was agreed in: the read selects only those actions, and each is checked again
 * before it is decrypted. Anyone else learns how many are open, nothing more.
 */
export async function getAgreement(user: CurrentUser, agreementId: string, page: number) {
  const access = await getAgreementAccess(user, agreementId);
  if (!access) return null;
  const partyTo: Prisma.SupervisionSessionWhereInput = { OR: [{ peerWorkerId: user.id }, { supervisorId: user.id }] };
  const [found, topics] = await Promise.all([
    db.supervisionAgreement.findUniqueOrThrow({
      where: { id: agreementId },
      select: {
        id: true,
        version: true,
        signedByPeerWorkerAt: true,
        createdAt: true,
        peerWorker: { select: { name: true } },
        team: { select: { name: true } },
        placement: { select: { endedAt: true, startDate: true, lineManager: { select: { name: true } }, peerSupervisor: { select: { name: true } }, roleVersion: { select: { role: { select: { title: true } } } } } },
        arrangements: {
          orderBy: [{ type: 'asc' }, { createdAt: 'asc' }],
          select: { id: true, type: true, supervisorId: true, everyWeeks: true, startsOn: true, signedBySupervisorAt: true, endedAt: true, supervisor: { select: { name: true } }, sessions: lastSessionSelect },
        },
        sessions: {
          orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
          ...pageArgs(page),
          select: { id: true, type: true, heldOn: true, durationMinutes: true, topics: true, cosignedAt: true, amendsId: true, amendedBy: { select: { id: true } }, supervisor: { select: { name: true } } },
        },
        _count: { select: { sessions: true, actions: { where: { status: 'OPEN' } } } },
        // Only actions from sessions the person was in: nobody else's text is even read.
        actions: {
          where: { status: 'OPEN', session: partyTo },
          orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          take: 100,
          select: { id: true, text: true, dueOn: true, status: true, version: true, owner: { select: { name: true } }, session: { select: { id: true, type: true, heldOn: true, peerWorkerId: true, supervisorId: true } } },
        },
      },
    }),
    topicCatalogue(),
  ]);
  const on = today();
  const current = found.placement.endedAt === null;
  const arrangements = found.arrangements.map((arrangement) => ({
    id: arrangement.id,
    type: arrangement.type,
    supervisorId: arrangement.supervisorId,
    supervisorName: arrangement.supervisor.name,
    everyWeeks: arrangement.everyWeeks,
    startsOn: arrangement.startsOn,
    signedBySupervisorAt: arrangement.signedBySupervisorAt,
    endedAt: arrangement.endedAt,
    ...(current && !arrangement.endedAt ? dueOf(arrangement, arrangement.sessions[0]?.heldOn ?? null, on) : { due: null, state: null }),
  }));
  const currentArrangements = arrangements.filter((arrangement) => !arrangement.endedAt);
  const recordable = current && access.canRecord ? currentArrangements.filter((arrangement) => access.isPeerWorker || arrangement.supervisorId === user.id) : [];
  const unsignedOwn = currentArrangements.filter((arrangement) => arrangement.supervisorId === user.id && !arrangement.signedBySupervisorAt);
  const needsSignature = current && access.canSign && ((access.isPeerWorker && !found.signedByPeerWorkerAt && currentArrangements.length > 0) || unsignedOwn.length > 0);
  const actions = found.actions
    .filter((action) => mayReadNotes(action.session, user.id))
    .map((action) => ({
      id: action.id,
      text: readPrivate(action.text, { table: 'SupervisionAction', recordId: action.id, field: 'text' }),
      dueOn: action.dueOn,
      status: action.status,
      version: action.version,
      ownerName: action.owner.name,
      overdue: action.dueOn.getTime() < on.getTime(),
      session: { id: action.session.id, type: action.session.type, heldOn: action.session.heldOn },
    }));
  return {
    access,
    agreement: {
      id: found.id,
      version: found.version,
      peerWorkerName: found.peerWorker.name,
      teamName: found.team.name,
      roleTitle: found.placement.roleVersion.role.title,
      startDate: found.placement.startDate,
      lineManager: found.placement.lineManager?.name ?? null,
      peerSupervisor: found.placement.peerSupervisor?.name ?? null,
      endedAt: found.placement.endedAt,
      signedByPeerWorkerAt: found.signedByPeerWorkerAt,
      createdAt: found.createdAt,
    },
    arrangements,
    recordable,
    needsSignature,
    canManage: current && access.canManage,
    sessions: toPage(
      found.sessions.map((session) => ({
        id: session.id,
        type: session.type,
        heldOn: session.heldOn,
        durationMinutes: session.durationMinutes,
        topics: topicLabels(topics, session.topics),
        supervisorName: session.supervisor.name,
        cosigned: session.cosignedAt !== null,
        amends: session.amendsId !== null,
        amendedById: session.amendedBy?.id ?? null,
      })),
      found._count.sessions,
      page,
    ),
    openActions: { total: found._count.actions, readable: actions },
  };
}

export type AgreementDetail = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

/** An agreement the person manages (to add or end an arrangement), or null. An ended placement is returned too: the page says so. */
export async function getManagedAgreement(user: CurrentUser, agreementId: string) {
  const access = await getAgreementAccess(user, agreementId);
  if (!access?.canManage) return null;
  return { access, agreement: headingOf(await agreementHeading(agreementId)) };
}

/** One arrangement of an agreement the person manages: the page that ends it. */
export async function getArrangementToEnd(user: CurrentUser, agreementId: string, arrangementId: string) {
  if (!isUuid(arrangementId)) return null;
  const access = await getAgreementAccess(user, agreementId);
  if (!access?.canManage) return null;
  const found = await db.supervisionAgreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: {
      id: true,
      version: true,
      peerWorker: { select: { name: true } },
      team: { select: { name: true } },
      placement: { select: { endedAt: true } },
      arrangements: { where: { id: arrangementId }, select: { id: true, type: true, everyWeeks: true, endedAt: true, supervisor: { select: { name: true } } } },
    },
  });
  const arrangement = found.arrangements[0];
  if (!arrangement) return null;
  return {
    agreement: { id: found.id, version: found.version, peerWorkerName: found.peerWorker.name, teamName: found.team.name, ended: found.placement.endedAt !== null },
    arrangement: { id: arrangement.id, type: arrangement.type, everyWeeks: arrangement.everyWeeks, endedAt: arrangement.endedAt, supervisorName: arrangement.supervisor.name },
  };
}

/** The "record a session" form: the current arrangements this person may record for (all of them for the peer worker, their own for a supervisor) and the topics. */
export async function getRecordSessionForm(user: CurrentUser, agreementId: string) {
  const access = await getAgreementAccess(user, agreementId);
  if (!access?.canRecord) return null;
  const [found, topics] = await Promise.all([agreementHeading(agreementId), topicCatalogue()]);
  const agreement = headingOf(found);
  const arrangements = agreement.arrangements.filter((arrangement) => access.isPeerWorker || arrangement.supervisorId === user.id);
  if (arrangements.length === 0 && !agreement.ended) return null;
  return { access, agreement, arrangements, topics, isPeerWorker: access.isPeerWorker };
}

// ---- A session ----

/** A session's facts: what everyone who may view the agreement sees. Never its notes, comments or actions. */
const sessionFactsSelect = {
  id: true,
  agreementId: true,
  type: true,
  heldOn: true,
  durationMinutes: true,
  topics: true,
  supervisorId: true,
  peerWorkerId: true,
  recordedById: true,
  cosignedAt: true,
  createdAt: true,
  version: true,
  amendsId: true,
  amendedBy: { select: { id: true } },
  supervisor: { select: { name: true } },
  peerWorker: { select: { name: true } },
  recordedBy: { select: { name: true } },
  cosignedBy: { select: { name: true } },
  agreement: { select: { team: { select: { name: true } }, placement: { select: { endedAt: true } } } },
} satisfies Prisma.SupervisionSessionSelect;

type SessionFacts = Prisma.SupervisionSessionGetPayload<{ select: typeof sessionFactsSelect }>;

/** The session's facts and the person's access to its agreement, or null when they may not view it. */
async function sessionWithAccess(user: CurrentUser, sessionId: string): Promise<{ facts: SessionFacts; access: AgreementAccess; topics: Topic[] } | null> {
  if (!isUuid(sessionId)) return null;
  const facts = await db.supervisionSession.findUnique({ where: { id: sessionId }, select: sessionFactsSelect });
  if (!facts) return null;
  const [access, topics] = await Promise.all([getAgreementAccess(user, facts.agreementId), topicCatalogue()]);
  return access ? { facts, access, topics } : null;
}

function factsOf(facts: SessionFacts, topics: readonly Topic[]) {
  return {
    id: facts.id,
    agreementId: facts.agreementId,
    type: facts.type,
    heldOn: facts.heldOn,
    durationMinutes: facts.durationMinutes,
    topics: topicLabels(topics, facts.topics),
    topicKeys: facts.topics,
    supervisorName: facts.supervisor.name,
    peerWorkerName: facts.peerWorker.name,
    recordedByName: facts.recordedBy.name,
    cosignedAt: facts.cosignedAt,
    cosignedByName: facts.cosignedBy?.name ?? null,
    createdAt: facts.createdAt,
    version: facts.version,
    amendsId: facts.amendsId,
    amendedById: facts.amendedBy?.id ?? null,
    teamName: facts.agreement.team.name,
    placementEnded: facts.agreement.placement.endedAt !== null,
  };
}

/** The private part of a session, read only for its two people: notes, who else attended, comments, its actions and the ones carried over. */
async function sessionPrivate(user: CurrentUser, facts: SessionFacts) {
  if (!mayReadNotes(facts, user.id)) return null;
  const found = await db.supervisionSession.findUniqueOrThrow({
    where: { id: facts.id },
    select: {
      notes: true,
      attendees: true,
      checkIn: { select: { id: true } },
      comments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 200, select: { id: true, text: true, createdAt: true, author: { select: { name: true } } } },
      actions: { orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], take: 200, select: { id: true, text: true, dueOn: true, status: true, version: true, doneAt: true, owner: { select: { name: true } } } },
      // Open actions from the agreement's other sessions that this person was in: they carry into this one until done.
      agreement: {
        select: {
          actions: {
            where: { status: 'OPEN', sessionId: { not: facts.id }, session: { OR: [{ peerWorkerId: user.id }, { supervisorId: user.id }] } },
            orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
            take: 100,
            select: { id: true, text: true, dueOn: true, status: true, version: true, doneAt: true, owner: { select: { name: true } }, session: { select: { id: true, type: true, heldOn: true, peerWorkerId: true, supervisorId: true } } },
          },
        },
      },
    },
  });
  const on = today();
  const action = (row: { id: string; text: string; dueOn: Date; status: SupervisionActionStatus; version: number; doneAt: Date | null; owner: { name: string } }) => ({
    id: row.id,
    text: readPrivate(row.text, { table: 'SupervisionAction', recordId: row.id, field: 'text' }),
    dueOn: row.dueOn,
    status: row.status,
    version: row.version,
    doneAt: row.doneAt,
    ownerName: row.owner.name,
    overdue: row.status === 'OPEN' && row.dueOn.getTime() < on.getTime(),
  });
  return {
    notes: readPrivate(found.notes, { table: 'SupervisionSession', recordId: facts.id, field: 'notes' }),
    attendees: readPrivate(found.attendees, { table: 'SupervisionSession', recordId: facts.id, field: 'attendees' }),
    checkedIn: found.checkIn !== null,
    comments: found.comments.map((comment) => ({ id: comment.id, text: readPrivate(comment.text, { table: 'SupervisionComment', recordId: comment.id, field: 'text' }), createdAt: comment.createdAt, authorName: comment.author.name })),
    actions: found.actions.map(action),
    carriedOver: found.agreement.actions
      .filter((row) => mayReadNotes(row.session, user.id))
      .map((row) => ({ ...action(row), session: { id: row.session.id, type: row.session.type, heldOn: row.session.heldOn } })),
  };
}

/**
 * One session record for someone who may view its agreement, or null. Its
 * notes, who attended, comments and actions only for the peer worker and
 * that session's supervisor; for anyone else, the facts alone.
 */
export async function getSession(user: CurrentUser, sessionId: string) {
  const found = await sessionWithAccess(user, sessionId);
  if (!found) return null;
  const { facts, access, topics } = found;
  const privatePart = await sessionPrivate(user, facts);
  const session = factsOf(facts, topics);
  const current = !session.placementEnded;
  const isRecorder = facts.recordedById === user.id;
  return {
    access,
    session,
    isPeerWorker: facts.peerWorkerId === user.id,
    /** The two people in it; everything below is for them only. */
    private: privatePart,
    // Supervision takes changes only while the placement lasts; its record stays readable after.
    canCosign: privatePart !== null && !isRecorder && !session.cosignedAt && current,
    canChange: privatePart !== null && isRecorder && !session.cosignedAt && current,
    canAmend: privatePart !== null && session.cosignedAt !== null && session.amendedById === null && current,
  };
}

export type SessionDetail = NonNullable<Awaited<ReturnType<typeof getSession>>>;

/**
 * A session's record to change (its recorder, before it is co-signed) or to
 * amend (either of its two people, once co-signed, if not amended already),
 * with the notes to start from. Null for anyone else, and once it no longer can.
 */
export async function getSessionToRevise(user: CurrentUser, sessionId: string, mode: 'change' | 'amend') {
  const found = await sessionWithAccess(user, sessionId);
  if (!found) return null;
  const { facts, access, topics } = found;
  if (!mayReadNotes(facts, user.id)) return null;
  const session = factsOf(facts, topics);
  const allowed = !session.placementEnded && (mode === 'change' ? facts.recordedById === user.id && !facts.cosignedAt : facts.cosignedAt !== null && facts.amendedBy === null);
  if (!allowed) return { access, session, allowed: false as const, values: null, topics };
  const privatePart = await db.supervisionSession.findUniqueOrThrow({ where: { id: facts.id }, select: { notes: true, attendees: true } });
  const notes = readPrivate(privatePart.notes, { table: 'SupervisionSession', recordId: facts.id, field: 'notes' });
  const attendees = readPrivate(privatePart.attendees, { table: 'SupervisionSession', recordId: facts.id, field: 'attendees' });
  return { access, session, allowed: true as const, values: { notes, attendees }, topics };
}

export type SessionToRevise = NonNullable<Awaited<ReturnType<typeof getSessionToRevise>>>;

// ---- Check-ins ----

const checkInSelect = { id: true, answeredAt: true, supported: true, clearRole: true, equalMember: true, experienceValued: true, practiseAsPeer: true, session: { select: { id: true, type: true, heldOn: true } } } satisfies Prisma.CheckInSelect;

function checkInOf(row: Prisma.CheckInGetPayload<{ select: typeof checkInSelect }>) {
  return {
    id: row.id,
    answeredAt: row.answeredAt,
    answers: Object.fromEntries(CHECK_IN_QUESTIONS.map((question) => [question, row[question]])) as Record<CheckInQuestion, number>,
    session: row.session,
  };
}

export type OwnCheckIn = ReturnType<typeof checkInOf>;

/** How many check-ins the trend chart draws: the latest, oldest first. */
export const TREND_SIZE = 24;

/** The person's own check-ins: a page of them, newest first, and the latest few for the trend. Only ever their own. */
export async function listOwnCheckIns(user: CurrentUser, page: number) {
  const [found, trend] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        _count: { select: { checkIns: true } },
        placements: { where: { endedAt: null }, take: 1, select: { id: true } },
        checkIns: { orderBy: [{ answeredAt: 'desc' }, { id: 'asc' }], ...pageArgs(page), select: checkInSelect },
      },
    }),
    db.checkIn.findMany({ where: { peerWorkerId: user.id }, orderBy: [{ answeredAt: 'desc' }, { id: 'asc' }], take: TREND_SIZE, select: checkInSelect }),
  ]);
  return {
    mayCheckIn: found.placements.length > 0,
    checkIns: toPage(found.checkIns.map(checkInOf), found._count.checkIns, page),
    trend: trend.map(checkInOf).reverse(),
  };
}

/** The check-in form: whether the person has a current placement (check-ins are for placed peer workers), and their recent sessions with no check-in yet. */
export async function getCheckInForm(user: CurrentUser, sessionId: string) {
  const found = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      placements: { where: { endedAt: null }, take: 1, select: { id: true } },
      supervisionSessionsReceived: {
        where: { checkIn: { is: null }, ...heldSessionWhere },
        orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
        take: 20,
        select: { id: true, type: true, heldOn: true },
      },
    },
  });
  if (found.placements.length === 0) return null;
  const sessions = found.supervisionSessionsReceived;
  return { sessions, selectedSessionId: sessions.some((session) => session.id === sessionId) ? sessionId : '' };
}

// ---- Check-in figures ----

/** How many teams a page of one quarter's figures lists. */
export const TEAMS_PER_PAGE = 50;

/** How many ended quarters the organisation's trend shows, newest first. */
export const TREND_QUARTERS = 12;

export const getSupervisionSettings = () => figuresThreshold();

export type { ShownFigure };

export interface FigureGroup {
  id: string;
  name: string;
  figure: ShownFigure;
}

const QUARTER_PARAM = /^\d{4}-Q[1-4]$/u;

/** The quarters before `before` this person answered a check-in in, themselves. */
function ownAnswersBefore(userId: string, before: Date) {
  return db.checkIn.findMany({ where: { peerWorkerId: userId, answeredAt: { lt: before } }, orderBy: { answeredAt: 'desc' }, take: 1000, select: { answeredAt: true } });
}

/**
 * Check-in averages per question for ended quarters, for those who may see
 * figures (managers their teams, HR and administrators every team), or null
 * for anyone else: the organisation's, quarter by quarter (the trend), and for
 * one quarter (the newest unless `quarter` names another) each team's, a page
 * at a time. Read from the figures the nightly job works out over every
 * team's answers (lib/supervision/figures.ts), so that what is withheld is the
 * same whoever looks, and only then cut to the teams this person may see. No
 * filter narrows them. The quarter in progress is never shown: it would move
 * with each answer.
 *
 * For someone who answered in a quarter themselves, that quarter is worked
 * out again here, counting only the other peer workers: a figure shown to
 * everyone else is withheld from them unless it would be shown without them,
 * as they could take their own answers out.
 */
export async function getCheckInFigures(user: CurrentUser, { quarter: wanted = null, page = 1 }: { quarter?: string | null; page?: number } = {}) {
  const teams = teamsGranting(user, 'supervision.figures.view');
  if (teams !== 'ALL' && teams.length === 0) return null;
  const current = quarterOf(new Date());
  const currentStart = quarterStart(current);
  const [{ threshold: minimum }, stored, ownAnswers] = await Promise.all([
    figuresThreshold(),
    db.checkInQuarter.findMany({ orderBy: { quarter: 'desc' }, take: TREND_QUARTERS, select: { quarter: true, threshold: true, computedAt: true, organisation: true } }),
    ownAnswersBefore(user.id, currentStart),
  ]);
  // A quarter named in the address may be older than the trend shows; one that is not worked out shows the newest.
  const named = wanted && QUARTER_PARAM.test(wanted) && !stored.some((row) => row.quarter === wanted) ? await db.checkInQuarter.findUnique({ where: { quarter: wanted }, select: { quarter: true, threshold: true, computedAt: true, organisation: true } }) : null;
  const chosen = named ?? stored.find((row) => row.quarter === wanted) ?? stored[0] ?? null;
  const size = TEAMS_PER_PAGE;
  const [teamRows, anyEnded] = await Promise.all([
    chosen === null
      ? Promise.resolve([])
      : teams === 'ALL'
        ? // Every team with answers that quarter (a team with none has no figure to show anyone).
          db.$queryRaw<Array<{ id: string; name: string; figure: Prisma.JsonValue; total: bigint }>>`
            SELECT f."teamId"::text AS id, t.name, f.figure, count(*) OVER () AS total
            FROM "CheckInTeamFigure" f JOIN "Team" t ON t.id = f."teamId"
            WHERE f.quarter = ${chosen.quarter}
            ORDER BY t.name, t.id LIMIT ${size} OFFSET ${(page - 1) * size}`
        : // Every team the person may see: one with no answers is "fewer than", like one with a few.
          db.$queryRaw<Array<{ id: string; name: string; figure: Prisma.JsonValue | null; total: bigint }>>`
            SELECT t.id::text AS id, t.name, f.figure, count(*) OVER () AS total
            FROM "Team" t LEFT JOIN "CheckInTeamFigure" f ON f."teamId" = t.id AND f.quarter = ${chosen.quarter}
            WHERE t.id = ANY(${teams}::uuid[])
            ORDER BY t.name, t.id LIMIT ${size} OFFSET ${(page - 1) * size}`,
    // Only when nothing is worked out: whether that is because no quarter with answers has ended, or the job has not run.
    stored.length === 0 ? db.checkIn.findFirst({ where: { answeredAt: { lt: currentStart } }, select: { id: true } }) : Promise.resolve(null),
  ]);
  const forViewer = await figuresCountingOthers(db, user.id, ownAnswers.map((answer) => quarterOf(answer.answeredAt)), [...stored.map((row) => row.quarter), ...(chosen ? [chosen.quarter] : [])], minimum);
  // Worked out under another threshold (the setting or the shared minimum has changed since): withheld until the job works it out again.
  const organisationOf = (row: { quarter: string; threshold: number; organisation: Prisma.JsonValue }) => ({
    quarter: row.quarter,
    stale: row.threshold !== minimum,
    /** The viewer answered in this quarter: figures count only the others for them. */
    countsOthersOnly: forViewer.has(row.quarter),
    organisation: row.threshold !== minimum ? TOO_FEW : figureAsSeen(storedFigure(row.organisation), forViewer.get(row.quarter)?.organisation),
  });
  const lastEnded = previousQuarter(current);
  // The count comes with the rows: past the last page there are none, so count on their own (a manager's teams are known).
  const total =
    teamRows.length > 0 ? Number(teamRows[0].total) : chosen === null || page === 1 ? 0 : teams === 'ALL' ? await db.checkInTeamFigure.count({ where: { quarter: chosen.quarter } }) : teams.length;
  return {
    threshold: minimum,
    seesEveryTeam: teams === 'ALL',
    /** The quarter in progress, shown once it ends. */
    current,
    /** When the newest figures were worked out. */
    workedOutAt: stored[0]?.computedAt ?? null,
    /** The quarter that has ended but is not worked out yet (the job runs each night), if any. */
    waitingFor: (stored.length > 0 || anyEnded) && stored[0]?.quarter !== lastEnded ? lastEnded : null,
    /** The organisation's figure for each ended quarter, newest first. */
    trend: stored.map(organisationOf),
    /** One quarter's figures, the organisation's and a page of the teams'; null before any quarter is worked out. */
    selected: chosen && {
      ...organisationOf(chosen),
      teams: toPage(
        teamRows.map((row): FigureGroup => ({
          id: row.id,
          name: row.name,
          figure: chosen.threshold !== minimum || row.figure === null ? TOO_FEW : figureAsSeen(storedFigure(row.figure), forViewer.get(chosen.quarter)?.teams.get(row.id)),
        })),
        total,
        page,
        size,
      ),
    },
  };
}

export type CheckInFiguresView = NonNullable<Awaited<ReturnType<typeof getCheckInFigures>>>;

// ---- The peer practice library ----

/**
 * HR and administrators read every team's published entries (they see every
 * team's supervision); everyone else a team's entries only as its member.
 */
function readsEveryTeamsEntries(user: CurrentUser): boolean {
  return teamsGranting(user, 'supervision.view') === 'ALL';
}

/** The published entries a person may read, as SQL on "LibraryEntry" e: the organisation's with 'library.read', a team's for its members (and HR and administrators). */
function readableSql(user: CurrentUser): Prisma.Sql {
  const organisation = can(user, 'library.read') ? Prisma.sql`e."scope" = 'ORGANISATION'` : Prisma.sql`FALSE`;
  const teamIds = user.memberships.map((membership) => membership.teamId).filter(isUuid);
  const team = readsEveryTeamsEntries(user)
    ? Prisma.sql`e."scope" = 'TEAM'`
    : teamIds.length > 0
      ? Prisma.sql`(e."scope" = 'TEAM' AND e."teamId" IN (${Prisma.join(teamIds.map((teamId) => Prisma.sql`${teamId}::uuid`))}))`
      : Prisma.sql`FALSE`;
  return Prisma.sql`e."status" = 'PUBLISHED' AND (${organisation} OR ${team})`;
}

/** Whether a person may read one published entry: the same rule as `readableSql`. */
function mayReadEntry(user: CurrentUser, entry: { status: LibraryEntryStatus; scope: LibraryScope; teamId: string }): boolean {
  if (entry.status !== 'PUBLISHED') return false;
  if (entry.scope === 'ORGANISATION') return can(user, 'library.read');
  return readsEveryTeamsEntries(user) || user.memberships.some((membership) => membership.teamId === entry.teamId);
}

export interface LibraryListEntry {
  id: string;
  title: string;
  excerpt: string;
  tags: string[];
  scope: LibraryScope;
  createdAt: Date;
  authorName: string | null;
  teamName: string;
}

/**
 * The library: published entries the person may read, searched with
 * PostgreSQL full-text search (ranked) or newest first, by tag, a page at a
 * time; the tags in use, most used first; their own entries, whatever their
 * status; and whether they review proposals (a peer supervisor).
 */
export async function searchLibrary(user: CurrentUser, { q, tag, page }: { q: string; tag: string; page: number }) {
  const readable = readableSql(user);
  const query = q.trim();
  const tagFilter = tag.trim().toLowerCase();
  const matches = query ? Prisma.sql`AND e."search" @@ websearch_to_tsquery('english', ${query})` : Prisma.empty;
  const tagged = tagFilter ? Prisma.sql`AND ${tagFilter} = ANY(e."tags")` : Prisma.empty;
  const order = query ? Prisma.sql`ts_rank(e."search", websearch_to_tsquery('english', ${query})) DESC, e."createdAt" DESC, e."id"` : Prisma.sql`e."createdAt" DESC, e."id"`;
  const { skip, take } = pageArgs(page);
  const [rows, tags, own, reviews] = await Promise.all([
    db.$queryRaw<Array<Omit<LibraryListEntry, 'tags'> & { tags: string[]; total: bigint }>>`
      SELECT e."id"::text AS "id", e."title", left(e."situation", 240) AS "excerpt", e."tags", e."scope"::text AS "scope", e."createdAt",
        CASE WHEN e."showName" THEN u."name" END AS "authorName", t."name" AS "teamName", count(*) OVER () AS "total"
      FROM "LibraryEntry" e
      JOIN "User" u ON u."id" = e."authorId"
      JOIN "Team" t ON t."id" = e."teamId"
      WHERE ${readable} ${matches} ${tagged}
      ORDER BY ${order}
      LIMIT ${take} OFFSET ${skip}`,
    db.$queryRaw<Array<{ tag: string; entries: bigint }>>`
      SELECT tag, count(*) AS "entries"
      FROM "LibraryEntry" e CROSS JOIN LATERAL unnest(e."tags") AS tag
      WHERE ${readable}
      GROUP BY tag
      ORDER BY count(*) DESC, tag
      LIMIT 40`,
    db.libraryEntry.findMany({
      where: { authorId: user.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 20,
      select: { id: true, title: true, status: true, scope: true, createdAt: true },
    }),
    peerSupervisedTeams(db, user.id),
  ]);
  const total = Number(rows[0]?.total ?? 0);
  return {
    q: query,
    tag: tagFilter,
    entries: toPage(
      rows.map((row) => ({ id: row.id, title: row.title, excerpt: row.excerpt, tags: row.tags, scope: row.scope, createdAt: row.createdAt, authorName: row.authorName, teamName: row.teamName })),
      total,
      page,
    ),
    tags: tags.map((row) => ({ tag: row.tag, entries: Number(row.entries) })),
    own,
    /** Whether the person reviews proposals (a peer supervisor in some team). */
    reviews: reviews.length > 0,
  };
}

/**
 * One entry: for readers of the library once published; for its author
 * whatever its status (with a withdraw button while it is proposed or
 * published); for a peer supervisor while it waits for review. Null for anyone
 * else. The author is named only when they chose to be, except to themselves.
 */
export async function getLibraryEntry(user: CurrentUser, entryId: string) {
  if (!isUuid(entryId)) return null;
  const [entry, reviewsTeams] = await Promise.all([
    db.libraryEntry.findUnique({
      where: { id: entryId },
      select: {
        id: true,
        authorId: true,
        teamId: true,
        scope: true,
        title: true,
        situation: true,
        whatIDid: true,
        whatILearned: true,
        tags: true,
        showName: true,
        status: true,
        version: true,
        createdAt: true,
        reviewedAt: true,
        withdrawnAt: true,
        author: { select: { name: true } },
        team: { select: { name: true } },
      },
    }),
    peerSupervisedTeams(db, user.id),
  ]);
  if (!entry) return null;
  const isAuthor = entry.authorId === user.id;
  const reviewing = reviewsTeams.includes(entry.teamId) && !isAuthor && entry.status === 'PROPOSED';
  if (!isAuthor && !reviewing && !mayReadEntry(user, entry)) return null;
  return {
    entry: {
      id: entry.id,
      scope: entry.scope,
      title: entry.title,
      situation: entry.situation,
      whatIDid: entry.whatIDid,
      whatILearned: entry.whatILearned,
      tags: entry.tags,
      status: entry.status,
      version: entry.version,
      createdAt: entry.createdAt,
      reviewedAt: entry.reviewedAt,
      withdrawnAt: entry.withdrawnAt,
      showName: entry.showName,
      authorName: entry.showName || isAuthor ? entry.author.name : null,
      teamName: entry.team.name,
    },
    isAuthor,
    canWithdraw: isAuthor && (entry.status === 'PROPOSED' || entry.status === 'PUBLISHED'),
    canReview: reviewing,
  };
}

export type LibraryEntryDetail = NonNullable<Awaited<ReturnType<typeof getLibraryEntry>>>;

/** Proposals waiting for review from the teams where the person is a peer supervisor (not their own), oldest first; null for anyone who is not one. */
export async function listProposals(user: CurrentUser, page: number) {
  const teams = await peerSupervisedTeams(db, user.id);
  if (teams.length === 0) return null;
  const where: Prisma.LibraryEntryWhereInput = { status: 'PROPOSED', authorId: { not: user.id }, teamId: { in: teams } };
  const [rows, total] = await Promise.all([
    db.libraryEntry.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], ...pageArgs(page), select: { id: true, title: true, scope: true, createdAt: true, tags: true, team: { select: { name: true } } } }),
    db.libraryEntry.count({ where }),
  ]);
  return toPage(
    rows.map((row) => ({ id: row.id, title: row.title, scope: row.scope, createdAt: row.createdAt, tags: row.tags, teamName: row.team.name })),
    total,
    page,
  );
}

/** The propose form, for a peer worker with a current placement (null for anyone else), from one of their own sessions if named. */
export async function getProposeEntryForm(user: CurrentUser, sessionId: string) {
  const [placement, session] = await Promise.all([
    db.placement.findFirst({ where: { userId: user.id, endedAt: null }, orderBy: { startDate: 'desc' }, select: { team: { select: { name: true } } } }),
    sessionId && isUuid(sessionId) ? db.supervisionSession.findFirst({ where: { id: sessionId, peerWorkerId: user.id }, select: { id: true, type: true, heldOn: true } }) : null,
  ]);
  if (!placement) return null;
  return { teamName: placement.team.name, session };
}

// ---- The home page ----

export interface DueSupervision {
  arrangementId: string;
  agreementId: string;
  type: SupervisionType;
  due: Date;
  state: DueState;
  /** Who the session is with, from the person's side. */
  withName: string;
  asPeerWorker: boolean;
  teamId: string;
  teamName: string;
}

/**
 * What is due soon or overdue for the person, as the peer worker or as a
 * supervisor, soonest first: one statement (the arrangements, their
 * agreements and each one's last session, joined).
 */
export async function supervisionDue(user: CurrentUser, take = 10) {
  const rows = await db.supervisionArrangement.findMany({
    where: { endedAt: null, agreement: { placement: { endedAt: null } }, OR: [{ supervisorId: user.id }, { agreement: { peerWorkerId: user.id } }] },
    orderBy: [{ startsOn: 'asc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      type: true,
      everyWeeks: true,
      startsOn: true,
      supervisor: { select: { name: true } },
      agreement: { select: { id: true, peerWorkerId: true, peerWorker: { select: { name: true } }, team: { select: { id: true, name: true } } } },
      sessions: lastSessionSelect,
    },
  });
  const on = today();
  const due: DueSupervision[] = rows
    .map((row) => {
      const asPeerWorker = row.agreement.peerWorkerId === user.id;
      return {
        arrangementId: row.id,
        agreementId: row.agreement.id,
        type: row.type,
        ...dueOf(row, row.sessions[0]?.heldOn ?? null, on),
        withName: asPeerWorker ? row.supervisor.name : row.agreement.peerWorker.name,
        asPeerWorker,
        teamId: row.agreement.team.id,
        teamName: row.agreement.team.name,
      };
    })
    .filter((row) => row.state !== 'ON_TIME')
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  return { items: due.slice(0, take), total: due.length };
}
