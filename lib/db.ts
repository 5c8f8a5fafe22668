import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { peerrolesDb?: PrismaClient };

/** How long a request waits for a free connection before it is answered with the 503 page (or an action says the service is busy). */
export const CONNECT_TIMEOUT_MS = Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000);

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: start the app with `npm start`.');
  const adapter = new PrismaPg({
    connectionString,
    // Per app instance; instances x pool size must stay under the server's max_connections.
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Bounded waits, so that a page answers with the 503 page instead of hanging when
    // every connection is busy (waiting for one) or a query is stuck (a lock, a slow plan).
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000),
  });
  return new PrismaClient({ adapter });
}

function client(): PrismaClient {
  return (globalForDb.peerrolesDb ??= createClient());
}

/**
 * The one Prisma client. Created on first use rather than on import, so that
 * `next build` can load modules without a database and each test file can point
 * DATABASE_URL at its own database before the first query.
 */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (globalForDb.peerrolesDb) {
    await globalForDb.peerrolesDb.$disconnect();
    globalForDb.peerrolesDb = undefined;
  }
}

/**
 * Holds a named lock until the transaction ends: work under one name (a
 * setting's first save, a nightly job, one person's sign-in) happens one
 * transaction at a time, and the others wait rather than fail.
 */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
