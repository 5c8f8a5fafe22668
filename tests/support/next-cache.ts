// Stands in for `next/cache` outside a Next.js request: records what an action
// asked to revalidate so tests can assert on it. The caching helpers are no-ops.

const revalidated: string[] = [];

export function revalidatePath(path: string): void {
  revalidated.push(path);
}

export function revalidateTag(tag: string): void {
  revalidated.push(`tag:${tag}`);
}

export function updateTag(tag: string): void {
  revalidated.push(`tag:${tag}`);
}

export function refresh(): void {
  revalidated.push('refresh');
}

export function unstable_noStore(): void {}

export function cacheTag(): void {}

export function cacheLife(): void {}

export function unstable_cache<T extends (...args: never[]) => unknown>(fn: T): T {
  return fn;
}

/** Paths (and `tag:<tag>`s) revalidated since the last reset (each test starts empty). */
export function revalidatedPaths(): string[] {
  return [...revalidated];
}

export function resetRevalidatedPaths(): void {
  revalidated.length = 0;
}
