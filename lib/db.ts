import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { peerrolesDb?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: start the app with `npm start`.');
  const adapter = new PrismaPg({
    connectionString,
    // Per app instance; instances x pool size must stay under the server's max_connections.
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
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
