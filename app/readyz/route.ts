import { readiness } from '@/lib/http/health';
import { json } from '@/lib/route';

/** Readiness for load balancers: 200 when the database answers and no migration is pending, otherwise 503. Says nothing else. */
export async function GET() {
  const state = await readiness();
  return json({ status: state.ready ? 'ready' : 'not ready', database: state.database, pendingMigrations: state.pendingMigrations }, state.ready ? 200 : 503);
}

export const dynamic = 'force-dynamic';
