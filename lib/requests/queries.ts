import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { pendingReviews } from '@/lib/agreement/gate';
import { pendingChecks } from '@/lib/expectations/gate';

/**
 * What this person has been asked to do, across workflows: versions to review
 * and expectations checks to answer, a page of each (`pages` says which, and
 * how many there are). Each workflow says what is pending in it, through its gate.
 */
export async function listPendingRequests(user: CurrentUser, pages: { reviews?: number; checks?: number } = {}) {
  const [reviews, checks] = await Promise.all([pendingReviews(user.id, pages.reviews), pendingChecks(user.id, pages.checks)]);
  const pageOf = ({ page, pageCount, total }: { page: number; pageCount: number; total: number }) => ({ page, pageCount, total });
  return { reviews: reviews.items, checks: checks.items, pages: { reviews: pageOf(reviews), checks: pageOf(checks) } };
}
