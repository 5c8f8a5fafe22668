/*
 * What other workflows may take from agreement: the version lock and the
 * re-judging of versions in review after a change to what the agreement rule
 * reads (expectations answers and settled activities), and the reviews a
 * person has still to do.
 */
export { lockVersionsInReview, nowAgreed, refreshVersionsInReview, type NowAgreed } from '@/lib/agreement/status';
export { pendingReviewCountSql, pendingReviews, reviewsWaiting } from '@/lib/agreement/queries';
