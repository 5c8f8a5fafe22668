// How the demo writes supervision, shared by the teams that have it
// (prisma/demo-supervision.ts, demo-crisis-team.ts, demo-inpatient-ward.ts):
// agreements signed by both sides, regular sessions recorded and then
// co-signed as the app does it, check-in answers and library entries reviewed
// by a peer supervisor. Notes, comments and actions are encrypted as the app
// encrypts them, by the factories in tests/factories/supervision.ts; every
// record is audited as the seed's.
import { addDays } from '@/lib/onboarding/rules';
import { configuredKeyring, KeyConfigurationError } from '@/lib/supervision/crypto';
import { quarterOf, quarterStart } from '@/lib/supervision/rules';
import type { SupervisionActionStatus, SupervisionType } from '@/lib/generated/prisma/enums';
import { createAgreement, createArrangement, createComment, createLibraryEntry, createSession, createSessionAction, type CheckInAnswers } from '../tests/factories/supervision';
import { at, HOUR_MS } from './demo-placements';
import type { DemoPerson, DemoRoleContext } from './demo-roles';

type Person = DemoPerson;

/** What a team's demo added (prisma/demo-crisis-team.ts, demo-inpatient-ward.ts), and why its supervision was not (no notes key configured). */
export interface TeamDemoOutcome {
  placements: number;
  sessions: number;
  checkIns: number;
  skipped: string | null;
}

/** Why supervision records cannot be written (no notes key configured), or null. */
export function notesKeyProblem(): string | null {
  try {
    configuredKeyring();
    return null;
  } catch (error) {
    if (error instanceof KeyConfigurationError) return error.message;
    throw error;
  }
}

/** The `index`th of `count` moments spread evenly over the quarter so far, after `started`: when this quarter's check-ins were answered. */
export function thisQuarterMoment(now: Date, started: Date, index: number, count: number): Date {
  const from = Math.max(quarterStart(quarterOf(now)).getTime(), at(started, 10).getTime());
  return new Date(from + ((now.getTime() - from) * (index + 1)) / (count + 1));
}

export interface Note {
  topics: string[];
  notes: string;
  /** An action agreed in the session, owned by the peer worker unless `bySupervisor`. */
  action?: { text: string; bySupervisor?: boolean };
}

export const MINUTES: Record<SupervisionType, number> = { PEER: 60, LINE_MANAGEMENT: 45, CLINICAL: 60, GROUP_REFLECTIVE: 90 };

export const TYPE_WORDS: Record<SupervisionType, string> = { PEER: 'peer supervision', LINE_MANAGEMENT: 'line management', CLINICAL: 'clinical supervision', GROUP_REFLECTIVE: 'group reflective practice' };

export interface PlannedSession {
  heldOn: Date;
  note: Note;
  recordedBy: Person;
  /** Co-signed by the other party the next day; unsigned when false. */
  cosigned: boolean;
  attendees?: string;
  /** Actions as agreed; their status follows from the date unless given. */
  actions?: Array<{ owner: Person; text: string; dueInDays: number; status?: SupervisionActionStatus }>;
  comment?: { author: Person; text: string };
}

/** Every `everyWeeks` weeks from `from` while on or before `until`, taking `notes` in turn from `offset`. */
export function regularSessions(
  notes: readonly Note[],
  peerWorker: Person,
  supervisor: Person,
  options: { from: Date; until: Date; everyWeeks: number; offset?: number; attendees?: string; peerWorkerRecordsEvery?: number },
  today: Date,
): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  for (let k = 0, day = options.from; day <= options.until; k += 1, day = addDays(day, options.everyWeeks * 7)) {
    const note = notes[(k + (options.offset ?? 0)) % notes.length];
    const recordedBy = options.peerWorkerRecordsEvery && k % options.peerWorkerRecordsEvery === options.peerWorkerRecordsEvery - 1 ? peerWorker : supervisor;
    const dueInDays = 28;
    const open = addDays(day, dueInDays + 14) > today;
    sessions.push({
      heldOn: day,
      note,
      recordedBy,
      cosigned: true,
      attendees: options.attendees,
      actions: note.action ? [{ owner: note.action.bySupervisor ? supervisor : peerWorker, text: note.action.text, dueInDays, status: open ? 'OPEN' : 'DONE' }] : [],
    });
  }
  return sessions;
}

/** A peer worker's check-in answers: `level` from 1 to 5 with the usual spread (practising as a peer lowest). */
export function checkInAnswers(level: number, lift = 0): CheckInAnswers {
  const clamp = (value: number) => Math.max(1, Math.min(5, Math.round(value)));
  return { supported: clamp(level + lift + 0.3), clearRole: clamp(level + lift), equalMember: clamp(level + lift - 0.4), experienceValued: clamp(level + lift + 0.2), practiseAsPeer: clamp(level + lift - 0.6) };
}

type Placement = { id: string; userId: string; teamId: string; startDate: Date };
type Arrangement = Awaited<ReturnType<typeof createArrangement>>;

/**
 * Writes one team's supervision: `agreementOf` sets up a peer worker's
 * agreement (by `setUpBy`) with its arrangements, `record` records sessions
 * under an arrangement; `sessions` counts the sessions recorded.
 */
export function supervisionRecorder(context: DemoRoleContext, { setUpBy, now }: { setUpBy: Person; now: Date }) {
  const { tx } = context;
  const today = addDays(now, 0);
  const recorder = {
    sessions: 0,

    async agreementOf(placement: Placement, peerWorker: Person, signedOn: Date, types: Array<{ type: SupervisionType; supervisor: Person; everyWeeks: number; startsOn: Date }>) {
      // Set up in the morning, signed by the peer worker that afternoon and by each supervisor at midday.
      const agreement = await createAgreement(placement, setUpBy, { signedByPeerWorkerAt: at(signedOn, 16) }, tx);
      await tx.supervisionAgreement.update({ where: { id: agreement.id }, data: { createdAt: at(signedOn, 10), version: { increment: 1 } } });
      const arrangements = new Map<SupervisionType, Arrangement>();
      for (const { type, supervisor, everyWeeks, startsOn } of types) {
        arrangements.set(type, await createArrangement(agreement, supervisor, { type, everyWeeks, startsOn, signedBySupervisorAt: at(signedOn, 12) }, tx));
      }
      const described = types.map(({ type, supervisor, everyWeeks }) => `${TYPE_WORDS[type]} from ${supervisor.name} every ${everyWeeks} weeks`).join(', ');
      await context.audit('seed.supervision.agreement', 'SupervisionAgreement', agreement.id, `set up ${peerWorker.name}'s supervision: ${described}; signed by both`);
      return { agreement, arrangements };
    },

    async record(arrangement: Arrangement, peerWorker: Person, planned: PlannedSession[]) {
      const made = [];
      for (const plan of planned) {
        const session = await createSession(
          arrangement,
          { heldOn: plan.heldOn, durationMinutes: MINUTES[arrangement.type], attendees: plan.attendees ?? '', topics: plan.note.topics, notes: plan.note.notes, recordedBy: plan.recordedBy, cosignedAt: null },
          tx,
        );
        // Recorded the evening of the session, co-signed by the other party the day after (as the app does it: an unsigned record, then its co-signature).
        const recordedAt = at(plan.heldOn, 17) < now ? at(plan.heldOn, 17) : new Date(now.getTime() - 2 * HOUR_MS);
        const cosignedAt = at(plan.heldOn, 34) < now ? at(plan.heldOn, 34) : new Date(now.getTime() - HOUR_MS);
        const other = plan.recordedBy.id === peerWorker.id ? arrangement.supervisorId : peerWorker.id;
        await tx.supervisionSession.update({
          where: { id: session.id },
          data: { createdAt: recordedAt, ...(plan.cosigned ? { cosignedAt, cosignedById: other, version: { increment: 1 } } : {}) },
        });
        for (const action of plan.actions ?? []) {
          const dueOn = addDays(plan.heldOn, action.dueInDays);
          const status = action.status ?? (dueOn < today ? 'DONE' : 'OPEN');
          const created = await createSessionAction({ ...session, heldOn: plan.heldOn }, action.owner, { text: action.text, dueOn, status }, tx);
          const doneAt = addDays(dueOn, -3) < today ? at(addDays(dueOn, -3), 14) : new Date(now.getTime() - HOUR_MS);
          await tx.supervisionAction.update({ where: { id: created.id }, data: { createdAt: recordedAt, ...(status === 'DONE' ? { doneAt, version: { increment: 1 } } : {}) } });
        }
        if (plan.comment) {
          const comment = await createComment(session, plan.comment.author, plan.comment.text, {}, tx);
          await tx.supervisionComment.update({ where: { id: comment.id }, data: { createdAt: new Date(cosignedAt.getTime() - 30 * 60 * 1000) } });
        }
        made.push(session);
      }
      recorder.sessions += made.length;
      if (made.length > 0) await context.audit('seed.supervision.sessions', 'SupervisionAgreement', arrangement.agreementId, `recorded ${made.length} ${TYPE_WORDS[arrangement.type]} sessions of ${peerWorker.name}'s`);
      return made;
    },
  };
  return recorder;
}

/**
 * Writes a team's library entries: proposed on `writtenOn`, and (unless still
 * proposed) reviewed by `reviewer` three days later, a peer supervisor who may
 * review the team's entries (lib/supervision/access.ts peerSupervisedTeams);
 * withdrawn by the author `withdrawnAfterDays` after it was written, if given.
 */
export function libraryWriter(context: DemoRoleContext, team: { id: string }, reviewer: Person) {
  const { tx } = context;
  return async (author: Person, options: Parameters<typeof createLibraryEntry>[2] & { writtenOn: Date; withdrawnAfterDays?: number }) => {
    const { writtenOn, withdrawnAfterDays, ...rest } = options;
    const created = await createLibraryEntry(author, team, { ...rest, createdAt: at(writtenOn, 15) }, tx);
    const reviewedAt = at(writtenOn, 24 * 3 + 11);
    const withdrawnAt = withdrawnAfterDays === undefined ? null : at(writtenOn, 24 * withdrawnAfterDays + 9);
    if (options.status && options.status !== 'PROPOSED') {
      await tx.libraryEntry.update({
        where: { id: created.id },
        data: { reviewedById: reviewer.id, reviewedAt, withdrawnAt, updatedAt: withdrawnAt ?? reviewedAt, version: options.status === 'WITHDRAWN' ? 3 : 2 },
      });
    }
    const done = { PROPOSED: 'proposed', PUBLISHED: 'published', WITHDRAWN: 'withdrew', DECLINED: 'declined' }[options.status ?? 'PROPOSED'];
    await context.audit('seed.supervision.library', 'LibraryEntry', created.id, `${author.name}'s entry ${done === 'withdrew' ? 'was published, then withdrawn by its author' : `was ${done}`} in the peer practice library`);
    return created;
  };
}
