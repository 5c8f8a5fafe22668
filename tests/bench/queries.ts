/**
 * Benchmark: the list queries on a trust-sized organisation (300 teams, 5,000
 * people, 200,000 audit events, 600 roles). Not a test: it prints medians so
 * changes to queries and indexes can be compared. Run against a scratch database:
 *
 *   createdb -h 127.0.0.1 -U postgres peerroles_bench
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/peerroles_bench node scripts/db.mjs migrate
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/peerroles_bench npm run bench
 */
import { performance } from 'node:perf_hooks';
import type { CurrentUser } from '@/lib/auth/current-user';
import { listAuditEvents } from '@/lib/audit/queries';
import { db, disconnectDb } from '@/lib/db';
import { listPeople } from '@/lib/people/queries';
import { listTeamRoles } from '@/lib/roles/queries';
import { listPendingRequests } from '@/lib/requests/queries';
import { getTeam, listTeams } from '@/lib/teams/queries';

const TEAMS = 300;
const PEOPLE = 5_000;
const AUDIT_EVENTS = 200_000;

async function populate() {
  if ((await db.team.count()) >= TEAMS) return;
  console.log('Populating...');
  await db.$executeRawUnsafe(`
    INSERT INTO "Team" ("id", "name", "serviceType", "updatedAt")
    SELECT gen_random_uuid(), 'Bench team ' || lpad(n::text, 4, '0'), 'COMMUNITY_MENTAL_HEALTH', now() FROM generate_series(1, ${TEAMS}) n`);
  await db.$executeRawUnsafe(`
    INSERT INTO "User" ("id", "email", "name", "orgRole", "updatedAt")
    SELECT gen_random_uuid(), 'bench' || n || '@peerroles.test', 'Bench person ' || lpad(n::text, 5, '0'),
      (CASE WHEN n = 1 THEN 'ADMIN' WHEN n % 500 = 0 THEN 'HR' ELSE 'MEMBER' END)::"OrgRole", now()
    FROM generate_series(1, ${PEOPLE}) n`);
  // Everyone in one team, roughly 16 people a team.
  await db.$executeRawUnsafe(`
    INSERT INTO "TeamMembership" ("id", "teamId", "userId", "role")
    SELECT gen_random_uuid(), t.id, u.id, (CASE WHEN u.rn % 16 = 0 THEN 'MANAGER' WHEN u.rn % 5 = 0 THEN 'PEER_WORKER' ELSE 'STAFF' END)::"TeamRole"
    FROM (SELECT id, row_number() OVER (ORDER BY name) rn FROM "User") u
    JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 tn FROM "Team") t ON t.tn = u.rn % ${TEAMS}`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Role" ("id", "teamId", "title", "draft", "createdById", "updatedAt")
    SELECT gen_random_uuid(), t.id, 'Peer support worker ' || g, '{}'::jsonb, (SELECT id FROM "User" ORDER BY name LIMIT 1), now()
    FROM "Team" t CROSS JOIN generate_series(1, 2) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "AuditEvent" ("id", "actorId", "action", "recordType", "recordId", "summary", "createdAt")
    SELECT gen_random_uuid(), u.id, 'team.update', (ARRAY['Team','User','Role'])[1 + n % 3], gen_random_uuid()::text, 'Bench event ' || n,
      now() - (n || ' minutes')::interval
    FROM generate_series(1, ${AUDIT_EVENTS}) n
    JOIN LATERAL (SELECT id FROM "User" OFFSET (n % 50) LIMIT 1) u ON true`);
  await db.$executeRawUnsafe('ANALYZE');
}

async function median(name: string, run: () => Promise<unknown>, times = 30) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name.padEnd(48)} median ${samples[Math.floor(times / 2)].toFixed(1).padStart(6)} ms   p90 ${samples[Math.floor(times * 0.9)].toFixed(1).padStart(6)} ms`);
}

/** The signed-in person as the app loads them (lib/auth/current-user.ts, which needs Next's runtime to import). */
async function person(id: string): Promise<CurrentUser> {
  return db.user.findFirstOrThrow({
    where: { id, disabledAt: null },
    select: { id: true, email: true, name: true, jobTitle: true, orgRole: true, version: true, memberships: { where: { team: { archivedAt: null } }, select: { teamId: true, role: true, team: { select: { name: true } } }, orderBy: { team: { name: 'asc' } } } },
  });
}

async function main() {
  await populate();
  const adminRow = await db.user.findFirstOrThrow({ where: { orgRole: 'ADMIN' }, select: { id: true } });
  const memberRow = await db.user.findFirstOrThrow({ where: { orgRole: 'MEMBER', memberships: { some: {} } }, select: { id: true } });
  const admin = await person(adminRow.id);
  const member = await person(memberRow.id);
  const someTeam = member.memberships[0].teamId;
  const actor = await db.auditEvent.findFirstOrThrow({ select: { actorId: true } });

  await median('reload the signed-in person (every request)', () => person(member.id));
  await median('listTeams, admin, page 7', () => listTeams(admin, { page: 7 }));
  await median('listTeams, member', () => listTeams(member, { page: 1 }));
  await median('getTeam with members', () => getTeam(admin, someTeam));
  await median('listPeople, page 100', () => listPeople({ page: 100 }));
  await median('listPeople, search "person 04"', () => listPeople({ page: 1, search: 'person 04' }));
  await median('listAuditEvents, newest page', () => listAuditEvents({ page: 1 }));
  await median('listAuditEvents, by person and type', () => listAuditEvents({ page: 1, actorId: actor.actorId ?? undefined, recordType: 'Team' }));
  await median('listAuditEvents, a date range, page 20', () => listAuditEvents({ page: 20, from: '2026-01-01', to: '2026-12-31' }));
  await median('listTeamRoles', () => listTeamRoles(member, someTeam));
  await median('listPendingRequests', () => listPendingRequests(member));
  await disconnectDb();
}

main().catch(async (error) => {
  console.error(error);
  await disconnectDb();
  process.exit(1);
});
