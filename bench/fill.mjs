// Fills a migrated, seeded database with a trust's data, in SQL (seconds, not
// minutes): at scale 1, 500 teams, 5,000 people, 1,000 roles with 5,000
// versions, 2,000 expectations checks with about 40,000 answers, 200,000
// audit events, and a notification and an outbox email for each review
// invitation; at scale 0.1, a tenth of each. HR (hr@peerroles.test) is asked
// to review every role in review, as the default agreement policy needs, so
// their Requests page grows with the trust. Idempotent: a filled database is
// left as it is.
import pg from 'pg';

export const SIZES = { teams: 500, people: 5_000, rolesPerTeam: 2, versionsPerRole: 5, auditEvents: 200_000 };

/** What a database filled at `scale` holds, for the results table. */
export function sizesAt(scale) {
  const teams = Math.round(SIZES.teams * scale);
  return {
    teams,
    people: Math.round(SIZES.people * scale),
    roles: teams * SIZES.rolesPerTeam,
    versions: teams * SIZES.rolesPerTeam * SIZES.versionsPerRole,
    checks: teams * SIZES.rolesPerTeam * 2,
    auditEvents: Math.round(SIZES.auditEvents * scale),
  };
}

/** Every review invitation was emailed and, with no SMTP_URL, kept in the outbox: the outbox page pages through them. */
async function fillNotifications(client) {
  await client.query(
    `INSERT INTO "Notification" ("id", "kind", "recipientId", "teamName", "title", "path", "requestKey", "emailState", "emailedAt", "createdAt")
     SELECT gen_random_uuid(), 'REVIEW_REQUESTED', i."userId", t.name, r.title, '/teams/' || t.id || '/roles/' || r.id || '/versions/' || v.number, 'review:' || i.id, 'SENT', i."createdAt", i."createdAt"
     FROM "ReviewInvitation" i JOIN "RoleVersion" v ON v.id = i."versionId" JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'`,
  );
  await client.query(
    `INSERT INTO "OutboxEmail" ("id", "to", "subject", "text", "html", "createdAt")
     SELECT gen_random_uuid(), u.email, 'Please review: ' || n."title" || ' (' || n."teamName" || ')', 'You have been asked to review the ' || n."title" || ' role.', '<p>You have been asked to review the role.</p>', n."createdAt"
     FROM "Notification" n JOIN "User" u ON u.id = n."recipientId"`,
  );
}

export async function fillTrust(databaseUrl, scale, log = console.log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Team" WHERE name LIKE 'Trust team %'`);
    if (rows[0].n > 0) {
      // Filled before notifications existed: add them alone.
      const { rows: outbox } = await client.query(`SELECT EXISTS (SELECT 1 FROM "OutboxEmail") AS filled`);
      if (outbox[0].filled) return false;
      log('Adding notifications and outbox emails to the filled trust');
      await client.query('BEGIN');
      await fillNotifications(client);
      await client.query('COMMIT');
      await client.query('ANALYZE');
      return true;
    }
    const size = sizesAt(scale);
    log(`Filling with a trust's data at scale ${scale}: ${JSON.stringify(size)}`);
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "Team" ("id", "name", "serviceType", "description", "updatedAt")
       SELECT gen_random_uuid(), 'Trust team ' || lpad(n::text, 4, '0'), (enum_range(NULL::"ServiceType"))[1 + n % 7], '', now()
       FROM generate_series(1, $1::int) n`,
      [size.teams],
    );
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "jobTitle", "orgRole", "updatedAt")
       SELECT gen_random_uuid(), 'trust' || lpad(n::text, 5, '0') || '@peerroles.test', 'Trust person ' || lpad(n::text, 5, '0'),
         (ARRAY['Nurse', 'Occupational therapist', 'Psychologist', 'Support worker', 'Peer support worker'])[1 + n % 5],
         (CASE WHEN n % 250 = 0 THEN 'SERVICE_USER_REP' WHEN n % 100 = 0 THEN 'HR' ELSE 'MEMBER' END)::"OrgRole", now()
       FROM generate_series(1, $1::int) n`,
      [size.people],
    );
    // About ten people a team: the first of each team its manager, the next two its peer workers, the rest non-peer staff.
    await client.query(
      `WITH t AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS tn FROM "Team" WHERE name LIKE 'Trust team %'),
            u AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS rn FROM "User" WHERE email LIKE 'trust%@peerroles.test' AND "orgRole" = 'MEMBER')
       INSERT INTO "TeamMembership" ("id", "teamId", "userId", "role")
       SELECT gen_random_uuid(), t.id, u.id, (CASE u.rn / $1::int WHEN 0 THEN 'MANAGER' WHEN 1 THEN 'PEER_WORKER' WHEN 2 THEN 'PEER_WORKER' ELSE 'STAFF' END)::"TeamRole"
       FROM u JOIN t ON t.tn = u.rn % $1::int`,
      [size.teams],
    );
    const template = await client.query(`SELECT content FROM "RoleVersion" ORDER BY "submittedAt" LIMIT 1`);
    const content = JSON.stringify(template.rows[0]?.content ?? {});
    await client.query(
      `INSERT INTO "Role" ("id", "teamId", "title", "draft", "draftVersion", "draftChanged", "createdById", "updatedAt")
       SELECT gen_random_uuid(), m."teamId", 'Peer support worker ' || g, $1::jsonb, 1, false, m."userId", now() - (g || ' days')::interval
       FROM "TeamMembership" m JOIN "Team" t ON t.id = m."teamId" AND t.name LIKE 'Trust team %'
       CROSS JOIN generate_series(1, $2::int) g
       WHERE m.role = 'MANAGER'`,
      [content, SIZES.rolesPerTeam],
    );
    // Versions 1 to 5: 2 and 4 were agreed (2 since superseded), 5 is in review.
    await client.query(
      `INSERT INTO "RoleVersion" ("id", "roleId", "number", "content", "status", "submittedById", "submittedAt", "agreedAt")
       SELECT gen_random_uuid(), r.id, v, r.draft,
         (CASE WHEN v = $1::int THEN 'IN_REVIEW' WHEN v = $1::int - 1 THEN 'AGREED' ELSE 'SUPERSEDED' END)::"RoleVersionStatus",
         r."createdById", now() - ((($1::int + 1 - v) * 30) || ' days')::interval,
         CASE WHEN v % 2 = 0 THEN now() - ((($1::int + 1 - v) * 30 - 5) || ' days')::interval END
       FROM "Role" r JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       CROSS JOIN generate_series(1, $1::int) v`,
      [SIZES.versionsPerRole],
    );
    // Each version in review: the team's members and HR invited; the peer workers have agreed; one staff member has a concern.
    await client.query(
      `INSERT INTO "ReviewInvitation" ("id", "versionId", "userId", "group", "invitedById", "createdAt")
       SELECT gen_random_uuid(), v.id, m."userId", m.role::text::"StakeholderGroup", r."createdById", v."submittedAt"
       FROM "RoleVersion" v JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       JOIN "TeamMembership" m ON m."teamId" = r."teamId"
       WHERE v.status = 'IN_REVIEW'
       UNION ALL
       SELECT gen_random_uuid(), v.id, h.id, 'HR', r."createdById", v."submittedAt"
       FROM "RoleVersion" v JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       CROSS JOIN (SELECT id FROM "User" WHERE email = 'hr@peerroles.test') h
       WHERE v.status = 'IN_REVIEW'`,
    );
    await client.query(
      `INSERT INTO "Agreement" ("id", "versionId", "userId", "group", "createdAt")
       SELECT gen_random_uuid(), i."versionId", i."userId", i."group", i."createdAt" + interval '1 day'
       FROM "ReviewInvitation" i JOIN "RoleVersion" v ON v.id = i."versionId" JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       WHERE i."group" = 'PEER_WORKER'`,
    );
    await client.query(
      `INSERT INTO "Concern" ("id", "versionId", "section", "comment", "raisedById", "createdAt")
       SELECT DISTINCT ON (i."versionId") gen_random_uuid(), i."versionId", 'working', 'Can peer workers attend the team''s main meeting?', i."userId", i."createdAt" + interval '2 days'
       FROM "ReviewInvitation" i JOIN "RoleVersion" v ON v.id = i."versionId" JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       WHERE i."group" = 'STAFF'
       ORDER BY i."versionId", i."userId"`,
    );
    // Two checks a role: one closed that the two peer workers answered, one open that two staff have yet to answer.
    await client.query(
      `INSERT INTO "ExpectationCheck" ("id", "roleId", "createdById", "createdAt", "closedAt")
       SELECT gen_random_uuid(), r.id, r."createdById", now() - interval '90 days', now() - interval '60 days'
       FROM "Role" r JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       UNION ALL
       SELECT gen_random_uuid(), r.id, r."createdById", now() - interval '10 days', NULL
       FROM "Role" r JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'`,
    );
    await client.query(
      `INSERT INTO "ExpectationParticipant" ("id", "checkId", "userId", "group", "submittedAt")
       SELECT gen_random_uuid(), c.id, m."userId", m.role::text::"StakeholderGroup", CASE WHEN c."closedAt" IS NOT NULL THEN c."createdAt" + interval '7 days' END
       FROM "ExpectationCheck" c JOIN "Role" r ON r.id = c."roleId" JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       JOIN LATERAL (
         SELECT "userId", role FROM "TeamMembership" WHERE "teamId" = r."teamId" AND role = (CASE WHEN c."closedAt" IS NOT NULL THEN 'PEER_WORKER' ELSE 'STAFF' END)::"TeamRole"
         ORDER BY "userId" LIMIT 2
       ) m ON true`,
    );
    await client.query(
      `INSERT INTO "ExpectationResponse" ("id", "participantId", "activityId", "answer")
       SELECT gen_random_uuid(), p.id, a.id, (enum_range(NULL::"ExpectationAnswer"))[1 + abs(hashtext(p.id::text || a.id::text)) % 3]
       FROM "ExpectationParticipant" p JOIN "ExpectationCheck" c ON c.id = p."checkId" JOIN "Role" r ON r.id = c."roleId" JOIN "Team" t ON t.id = r."teamId" AND t.name LIKE 'Trust team %'
       CROSS JOIN "Activity" a
       WHERE p."submittedAt" IS NOT NULL AND a."teamId" IS NULL AND a."archivedAt" IS NULL`,
    );
    await client.query(
      `INSERT INTO "AuditEvent" ("id", "actorId", "action", "recordType", "recordId", "summary", "createdAt")
       SELECT gen_random_uuid(), u.id, (ARRAY['team.update', 'person.update', 'role.draft.save', 'role.version.agree', 'role.expectations.answer'])[1 + n % 5],
         (ARRAY['Team', 'User', 'Role', 'RoleVersion', 'ExpectationCheck'])[1 + n % 5], gen_random_uuid()::text, 'Trust event ' || n,
         now() - ((n * 2.6) || ' minutes')::interval
       FROM generate_series(1, $1::int) n
       JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS rn FROM "User" WHERE email LIKE 'trust%@peerroles.test') u ON u.rn = n % $2::int`,
      [size.auditEvents, size.people],
    );
    await fillNotifications(client);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
