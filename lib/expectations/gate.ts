/*
 * What other workflows may take from expectations checks: what the agreement
 * rule reads of a role's checks (the contested activities, and what each
 * person may be shown of them), a role's checks for its overview, and the
 * checks a person has still to answer.
 */
export { agreementAsSeen, evidenceAsSeenBy, expectationsEvidence, type ContestedNotShown, type ContestedWithheld, type ExpectationsEvidence } from '@/lib/expectations/contested';
export { checkAnswersWaiting, checksOfRole, pendingCheckCountSql, pendingChecks } from '@/lib/expectations/queries';
