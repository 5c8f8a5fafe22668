// Stands in for `next/cache` outside a Next.js request: records what an action
// asked to revalidate so tests can assert on it.

const revalidated: string[] = [];

export function revalidatePath(path: string): void {
  revalidated.push(path);
}

export function revalidateTag(tag: string): void {
  revalidated.push(`tag:${tag}`);
}

/** Paths revalidated since the last reset (each test starts empty). */
export function revalidatedPaths(): string[] {
  return [...revalidated];
}

export function resetRevalidatedPaths(): void {
  revalidated.length = 0;
}
