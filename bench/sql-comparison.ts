/**
 * The heaviest page queries, through the app's own functions, against
 * hand-written SQL that returns the same rows: the lists that grow with the
 * trust (the audit log over 200,000 events, everyone in the organisation, and
 * HR's requests, a review of every role in review). Run by bench/http.mjs on
 * its filled database; prints one JSON line. Alone:
 *   DATABASE_URL=... node --conditions=react-server --import tsx bench/sql-comparison.ts
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { CurrentUser } from '@/lib/auth/load';
import { listAuditEvents } from '@/lib/audit/queries';
import { db, disconnectDb } from '@/lib/db';
import { listPeople } from '@/lib/people/queries';
import { listPendingRequests } from '@/lib/requests/queries';

const SAMPLES = 30;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(SAMPLES / 2)];
}

async function main() {
  const client = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const hr = await db.user.findUniqueOrThrow({ where: { email: 'hr@peerroles.test' }, select: { id: true } });
  const sql = (text: string, values: unknown[] = []) => client.query(text, values);

  const comparisons = [
    {
      name: 'audit log, newest page (listAuditEvents)',
      app: () => listAuditEvents({ page: 1 }),
      sql: () =>
        Promise.all([
          sql(`SELECT e.id, e.action, e."recordType", e."recordId", e.summary, e."createdAt", u.id AS "actorId", u.name AS "actorName"
               FROM "AuditEvent" e LEFT JOIN "User" u ON u.id = e."actorId" ORDER BY e."createdAt" DESC, e.id DESC LIMIT 25`),
          sql(`SELECT count(*) FROM (SELECT 1 FROM "AuditEvent" LIMIT 10001) capped`),
        ]),
    },
    {
      name: 'people, first page (listPeople)',
      app: () => listPeople({ page: 1 }),
      sql: () =>
        Promise.all([
          sql(`SELECT id, name, email, "jobTitle", "orgRole", "disabledAt", "passwordHash" IS NOT NULL AS "hasPassword"
               FROM "User" WHERE "disabledAt" IS NULL ORDER BY name, id LIMIT 25`),
          sql(`SELECT count(*) FROM "User" WHERE "disabledAt" IS NULL`),
        ]),
    },
    {
      name: "HR's requests, first page of each list (listPendingRequests)",
      app: () => listPendingRequests({ id: hr.id } as CurrentUser),
      sql: () => {
        const reviews = `FROM "ReviewInvitation" i JOIN "RoleVersion" v ON v.id = i."versionId"
          WHERE i."userId" = $1 AND v.status = 'IN_REVIEW' AND NOT EXISTS (SELECT 1 FROM "Agreement" a WHERE a."versionId" = v.id AND a."userId" = $1)`;
        const checks = `FROM "ExpectationParticipant" p JOIN "ExpectationCheck" c ON c.id = p."checkId" WHERE p."userId" = $1 AND p."submittedAt" IS NULL AND c."closedAt" IS NULL`;
        return Promise.all([
          sql(`SELECT i."createdAt", i."group", v.number, r.id, r.title, r."teamId", t.name ${reviews.replace('WHERE', 'JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId" WHERE')}
               ORDER BY i."createdAt", i.id LIMIT 25`, [hr.id]),
          sql(`SELECT count(*) ${reviews}`, [hr.id]),
          sql(`SELECT c.id, c."createdAt", r.id AS "roleId", r.title, r."teamId", t.name ${checks.replace('WHERE', 'JOIN "Role" r ON r.id = c."roleId" JOIN "Team" t ON t.id = r."teamId" WHERE')}
               ORDER BY c."createdAt", p.id LIMIT 25`, [hr.id]),
          sql(`SELECT count(*) ${checks}`, [hr.id]),
        ]);
      },
    },
  ];

  const results = [];
  for (const comparison of comparisons) {
    const appMs = await median(comparison.app);
    const sqlMs = await median(comparison.sql);
    results.push({ name: comparison.name, prismaMs: appMs, sqlMs, ratio: appMs / sqlMs });
  }
  await client.end();
  await disconnectDb();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
