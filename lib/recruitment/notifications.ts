import type { Tx } from '@/lib/db';
import type { ScoringStage } from '@/lib/generated/prisma/enums';
import { queueNotifications } from '@/lib/notifications/gate';
import { vacancyPath } from '@/lib/recruitment/paths';

/*
 * Who is told what about a vacancy, queued in the action's transaction. An
 * email names the vacancy's title and team and links to it: never a candidate's
 * name, number, answers, scores or a decision's outcome (lib/mail/templates.ts).
 */

type VacancyFacts = { id: string; title: string; createdById: string; team: { name: string } };

const about = (vacancy: VacancyFacts) => ({ teamName: vacancy.team.name, title: vacancy.title, path: vacancyPath(vacancy.id) });

/** A person newly on the panel. */
export function tellPanelAdded(tx: Tx, vacancy: VacancyFacts, userId: string, actorId: string) {
  return queueNotifications(tx, [{ kind: 'PANEL_ADDED', recipientId: userId, ...about(vacancy), requestKey: `panel:${vacancy.id}` }], { except: actorId });
}

/** The members who score at a stage, when the vacancy moves into it. */
export function tellScoringOpen(tx: Tx, vacancy: VacancyFacts, seats: ReadonlyArray<{ userId: string; shortlisting: boolean; interview: boolean }>, stage: ScoringStage, actorId: string) {
  const scorers = seats.filter((seat) => (stage === 'SHORTLISTING' ? seat.shortlisting : seat.interview));
  return queueNotifications(
    tx,
    scorers.map((seat) => ({ kind: 'SCORING_OPEN' as const, recipientId: seat.userId, ...about(vacancy), requestKey: `scoring:${vacancy.id}:${stage}` })),
    { except: actorId },
  );
}

/** The panel at that stage and the HR person who opened the vacancy, when every eligible member has scored a candidate. */
export function tellScoresIn(tx: Tx, vacancy: VacancyFacts, candidateId: string, eligible: readonly string[], actorId: string) {
  return queueNotifications(
    tx,
    [...eligible, vacancy.createdById].map((recipientId) => ({ kind: 'SCORES_IN' as const, recipientId, ...about(vacancy), path: `${vacancyPath(vacancy.id)}/candidates/${candidateId}` })),
    { except: actorId },
  );
}

/** The panel and the HR person who opened the vacancy, when a decision is recorded. */
export function tellDecisionRecorded(tx: Tx, vacancy: VacancyFacts, panel: ReadonlyArray<{ userId: string }>, actorId: string) {
  return queueNotifications(
    tx,
    [...panel.map((seat) => seat.userId), vacancy.createdById].map((recipientId) => ({ kind: 'DECISION_RECORDED' as const, recipientId, ...about(vacancy) })),
    { except: actorId },
  );
}
