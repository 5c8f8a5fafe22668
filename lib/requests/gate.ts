/*
 * What other code may take from requests: the count of what a person has been
 * asked to do, as one SQL expression, so the header's number rides on the
 * statement that loads the signed-in person (no extra round trip per page).
 * Each workflow says what is pending in it through its gate; later workflows
 * (panel scoring, onboarding tasks) add their count here.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import { pendingReviewCountSql } from '@/lib/agreement/gate';
import { pendingCheckCountSql } from '@/lib/expectations/gate';
import { WAITING_COUNT_CAP } from '@/lib/requests/rules';

/** The count, up to WAITING_COUNT_CAP: each list stops counting there, so a long one costs no more than a short one. */
export function waitingRequestsSql(userId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`LEAST(${pendingReviewCountSql(userId, WAITING_COUNT_CAP)} + ${pendingCheckCountSql(userId, WAITING_COUNT_CAP)}, ${WAITING_COUNT_CAP})::int`;
}
