import { db, lockKey, type Tx } from '@/lib/db';
import { queueNotifications, type NotificationDraft } from '@/lib/notifications/gate';
import { agreementPath, LIBRARY_PATH, sessionPath, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { TYPE_PHRASES } from '@/lib/supervision/records';
import { calendarDay, dueState, nextDue } from '@/lib/supervision/rules';
import type { SupervisionType } from '@/lib/generated/prisma/enums';

/*
 * Who is told what about supervision. An email names the type of supervision,
 * the team and links into PeerRoles: never a note, comment, action or check-in
 * answer (lib/mail/templates.ts), and never who said what.
 */

/** The other party to a session just recorded (or amended): to co-sign it or comment. */
export async function tellSessionToCosign(tx: Tx, session: { id: string; type: SupervisionType; peerWorkerId: string; supervisorId: string; agreementId: string }, recorderId: string) {
  const { team } = await tx.supervisionAgreement.findUniqueOrThrow({ where: { id: session.agreementId }, select: { team: { select: { name: true } } } });
  const recipientId = session.peerWorkerId === recorderId ? session.supervisorId : session.peerWorkerId;
  return queueNotifications(tx, [{ kind: 'SESSION_TO_COSIGN', recipientId, teamName: team.name, title: TYPE_PHRASES[session.type], path: sessionPath(session.id), requestKey: `cosign:${session.id}` }], { except: recorderId });
}

/**
 * A proposed library entry, to the author's peer supervisors: the peer
 * supervisor of their current placements and whoever gives them peer
 * supervision in a current agreement. The author is never told of their own.
 */
export async function tellEntryProposed(tx: Tx, entryId: string, authorId: string, teamName: string) {
  const [placements, arrangements] = await Promise.all([
    tx.placement.findMany({ where: { userId: authorId, endedAt: null, peerSupervisorId: { not: null } }, select: { peerSupervisorId: true } }),
    tx.supervisionArrangement.findMany({ where: { type: 'PEER', endedAt: null, agreement: { peerWorkerId: authorId, placement: { endedAt: null } } }, select: { supervisorId: true } }),
  ]);
  const reviewers = new Set([...placements.flatMap((row) => (row.peerSupervisorId ? [row.peerSupervisorId] : [])), ...arrangements.map((row) => row.supervisorId)]);
  const active = await tx.user.findMany({ where: { id: { in: [...reviewers] }, disabledAt: null }, select: { id: true } });
  return queueNotifications(
    tx,
    active.map((person) => ({ kind: 'LIBRARY_ENTRY_PROPOSED' as const, recipientId: person.id, teamName, title: 'Peer practice library', path: LIBRARY_PATH, requestKey: `library:${entryId}` })),
    { except: authorId },
  );
}

/** Told again at most once a week while any supervision they give or receive stays overdue. */
export const SUPERVISION_REMINDER_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The weekday overdue-supervision job: for every current arrangement (the
 * placement current, the peer worker's account active), when the next session
 * is due from the latest one held (lib/supervision/rules.ts); where that has
 * passed, its peer worker and supervisor are each told, once for all their
 * overdue arrangements, then not again for a week while they stay overdue.
 * One run at a time.
 */
export async function remindOverdueSupervision(now = new Date()): Promise<{ overdue: number; reminded: number }> {
  return db.$transaction(
    async (tx) => {
      await lockKey(tx, 'supervision-overdue');
      const today = calendarDay(now);
      const arrangements = await tx.supervisionArrangement.findMany({
        where: { endedAt: null, startsOn: { lt: today }, agreement: { placement: { endedAt: null }, peerWorker: { disabledAt: null } } },
        select: { id: true, type: true, everyWeeks: true, startsOn: true, supervisorId: true, agreement: { select: { id: true, peerWorkerId: true, team: { select: { name: true } } } } },
      });
      if (arrangements.length === 0) return { overdue: 0, reminded: 0 };
      const latest = await tx.supervisionSession.groupBy({ by: ['arrangementId'], where: { arrangementId: { in: arrangements.map((row) => row.id) } }, _max: { heldOn: true } });
      const lastHeld = new Map(latest.map((row) => [row.arrangementId, row._max.heldOn]));
      const overdue = arrangements.filter((arrangement) => dueState(nextDue(arrangement, lastHeld.get(arrangement.id) ?? null), today) === 'OVERDUE');
      if (overdue.length === 0) return { overdue: 0, reminded: 0 };

      // Each person's overdue arrangements, whether they give or receive the supervision.
      const byPerson = new Map<string, typeof overdue>();
      for (const arrangement of overdue) {
        for (const personId of new Set([arrangement.agreement.peerWorkerId, arrangement.supervisorId])) byPerson.set(personId, [...(byPerson.get(personId) ?? []), arrangement]);
      }
      const [active, recent] = await Promise.all([
        tx.user.findMany({ where: { id: { in: [...byPerson.keys()] }, disabledAt: null }, select: { id: true } }),
        tx.notification.findMany({
          where: { kind: 'SUPERVISION_OVERDUE', recipientId: { in: [...byPerson.keys()] }, createdAt: { gt: new Date(today.getTime() - (SUPERVISION_REMINDER_DAYS - 1) * DAY_MS) } },
          select: { recipientId: true },
          distinct: ['recipientId'],
        }),
      ]);
      const told = new Set(recent.map((row) => row.recipientId));
      const drafts: NotificationDraft[] = active.flatMap(({ id }) => {
        if (told.has(id)) return [];
        const theirs = byPerson.get(id) ?? [];
        const [only] = theirs;
        return theirs.length === 1
          ? [{ kind: 'SUPERVISION_OVERDUE' as const, recipientId: id, teamName: only.agreement.team.name, title: TYPE_PHRASES[only.type], path: agreementPath(only.agreement.id), requestKey: `overdue:${id}`, count: 1 }]
          : [{ kind: 'SUPERVISION_OVERDUE' as const, recipientId: id, path: SUPERVISION_PATH, requestKey: `overdue:${id}`, count: theirs.length }];
      });
      await queueNotifications(tx, drafts);
      return { overdue: overdue.length, reminded: drafts.length };
    },
    { timeout: 60_000 },
  );
}
