// The records the benchmark's page addresses point at: the demo teams and roles
// the seed makes (prisma/seed.ts, prisma/demo-roles.ts), one team activity the
// benchmark adds, and a trust role with five versions (bench/fill.mjs).
import pg from 'pg';

export async function loadFixtures(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const one = async (sql, params = []) => {
    const { rows } = await client.query(sql, params);
    if (rows.length === 0) throw new Error(`Benchmark fixture not found: ${sql}`);
    return rows[0].id;
  };
  try {
    const team = await one(`SELECT id FROM "Team" WHERE name = 'Northbrook Community Mental Health Team'`);
    const reviewTeam = await one(`SELECT id FROM "Team" WHERE name = 'Riverside Early Intervention in Psychosis Service'`);
    const role = await one(`SELECT id FROM "Role" WHERE "teamId" = $1 AND title = 'Peer support worker'`, [team]);
    const reviewRole = await one(`SELECT id FROM "Role" WHERE "teamId" = $1 ORDER BY "createdAt" LIMIT 1`, [reviewTeam]);
    const check = await one(`SELECT id FROM "ExpectationCheck" WHERE "roleId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [role]);
    const contestedActivity = await one(`SELECT "activityId" AS id FROM "ContestedResolution" WHERE "checkId" = $1 LIMIT 1`, [check]);
    const concern = await one(`SELECT c.id FROM "Concern" c JOIN "RoleVersion" v ON v.id = c."versionId" WHERE v."roleId" = $1 LIMIT 1`, [reviewRole]);
    const staff = await one(`SELECT id FROM "User" WHERE email = 'staff.cmht@peerroles.test'`);
    const peer = await one(`SELECT id FROM "User" WHERE email = 'peer.cmht@peerroles.test'`);
    const membership = await one(`SELECT id FROM "TeamMembership" WHERE "teamId" = $1 AND "userId" = $2`, [team, peer]);
    const activity = await one(`SELECT id FROM "Activity" WHERE "teamId" IS NULL AND "archivedAt" IS NULL ORDER BY "sortOrder" LIMIT 1`);
    await client.query(
      `INSERT INTO "Activity" ("id", "teamId", "name", "description", "sortOrder")
       SELECT gen_random_uuid(), $1, 'Running the team''s hearing voices group', '', 1000
       WHERE NOT EXISTS (SELECT 1 FROM "Activity" WHERE "teamId" = $1 AND "archivedAt" IS NULL)`,
      [team],
    );
    const teamActivity = await one(`SELECT id FROM "Activity" WHERE "teamId" = $1 AND "archivedAt" IS NULL LIMIT 1`, [team]);
    const trustRole = await one(`SELECT r.id FROM "Role" r JOIN "Team" t ON t.id = r."teamId" WHERE t.name LIKE 'Trust team %' ORDER BY t.name, r.title LIMIT 1`);
    const trustTeam = await one(`SELECT "teamId" AS id FROM "Role" WHERE id = $1`, [trustRole]);
    return { team, reviewTeam, role, reviewRole, check, contestedActivity, concern, staff, peer, membership, activity, teamActivity, trustRole, trustTeam };
  } finally {
    await client.end();
  }
}
