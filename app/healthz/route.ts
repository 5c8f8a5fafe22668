import { json } from '@/lib/route';

/** Liveness for load balancers and orchestrators: the process is up and answering. No database, no session. */
export function GET() {
  return json({ status: 'ok' });
}

export const dynamic = 'force-dynamic';
