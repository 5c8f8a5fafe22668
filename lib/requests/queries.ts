import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { pendingReviews } from '@/lib/agreement/gate';
import { pendingChecks } from '@/lib/expectations/gate';

/**
 * What this person has been asked to do, across workflows: versions to review
 * and expectations checks to answer. Each workflow says what is pending in it,
 * through its gate.
 */
export async function listPendingRequests(user: CurrentUser) {
  const [reviews, checks] = await Promise.all([pendingReviews(user.id), pendingChecks(user.id)]);
  return { reviews, checks };
}
