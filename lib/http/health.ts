import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { db } from '@/lib/db';

const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

/** The migrations in the build's prisma/migrations folder, by name. */
async function migrationsShipped(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/**
 * Whether this instance can serve: the database answers within `timeoutMs`, and
 * every migration the build ships has been applied (an instance of a newer
 * release waits for the release's migrations). For load balancers (/readyz).
 */
export async function readiness(timeoutMs = 2_000): Promise<{ ready: boolean; database: 'up' | 'down'; pendingMigrations: number }> {
  const timeout = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs).unref());
  try {
    const [applied, shipped] = await Promise.race([
      Promise.all([db.$queryRaw<Array<{ name: string }>>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`, migrationsShipped()]),
      timeout,
    ]);
    const done = new Set(applied.map((row) => row.name));
    const pendingMigrations = shipped.filter((name) => !done.has(name)).length;
    return { ready: pendingMigrations === 0, database: 'up', pendingMigrations };
  } catch {
    return { ready: false, database: 'down', pendingMigrations: 0 };
  }
}
