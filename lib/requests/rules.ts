/**
 * The header counts waiting requests up to this many and then shows "99+": a
 * person asked to review every role in the trust (HR) would otherwise have
 * thousands of rows counted on every page they open.
 */
export const WAITING_COUNT_CAP = 100;

/** What the header shows beside "Requests": nothing, the number, or "99+". */
export function waitingBadge(count: number | undefined): string | undefined {
  if (!count || count <= 0) return undefined;
  return count >= WAITING_COUNT_CAP ? `${WAITING_COUNT_CAP - 1}+` : String(count);
}
