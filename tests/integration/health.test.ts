// /healthz and /readyz, for load balancers and the docker-compose health check.
import { GET as healthz } from '@/app/healthz/route';
import { GET as readyz } from '@/app/readyz/route';
import { db } from '@/lib/db';

describe('/healthz', () => {
  it('answers 200 while the process is up, without touching the database', async () => {
    const response = healthz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('/readyz', () => {
  it('answers 200 when the database answers and every migration is applied', async () => {
    const response = await readyz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'up', pendingMigrations: 0 });
  });

  it('answers 503 while a migration the build ships is not applied, and 200 again once it is', async () => {
    const [latest] = await db.$queryRaw<Array<{ id: string }>>`SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE id = ${latest.id}`;
    try {
      const response = await readyz();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready', database: 'up', pendingMigrations: 1 });
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = now() WHERE id = ${latest.id}`;
    }
    expect((await readyz()).status).toBe(200);
  });
});
