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

export function waitingRequestsSql(userId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${pendingReviewCountSql(userId)} + ${pendingCheckCountSql(userId)})::int`;
}
