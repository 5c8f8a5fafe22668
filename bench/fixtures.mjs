// The records the benchmark's page addresses point at: the demo teams and roles
// the seed makes (prisma/seed.ts, prisma/demo-roles.ts), the demo recruitment
// (prisma/demo-recruitment.ts), onboarding (prisma/demo-onboarding.ts) and
// supervision (prisma/demo-supervision.ts), one team activity and one person
// specification not yet used by a vacancy that the benchmark adds, and a trust
// role with five versions, trust vacancies and a trust placement (bench/fill.mjs),
// and the demo administrator's imports of people.
import pg from 'pg';

const DEMO_SPECIFICATION = 'Peer Support Worker (Band 4) person specification';
const DRAFT_SPECIFICATION = 'Peer Support Worker (Band 4) person specification, next round';

/**
 * The demo recruitment on the CMHT: its person specification, the vacancy at
 * interview (the peer worker's seat on its panel, candidate 2), the decided one
 * and its appointed candidate; a copy of the specification no vacancy uses yet,
 * whose criteria the manager can still change (the demo's is fixed: its
 * vacancies have started scoring); and trust vacancies, one open and one decided.
 */
async function recruitmentFixtures(client, one, team, peer) {
  const found = await client.query(`SELECT id FROM "PersonSpecification" WHERE "teamId" = $1 AND title = $2`, [team, DEMO_SPECIFICATION]);
  if (found.rows.length === 0) throw new Error('Benchmark fixture not found: the demo recruitment (prisma/demo-recruitment.ts). A bench database seeded before it existed is not seeded again: delete .data/bench-postgres (or the BENCH_DATABASE_URL databases) and run again.');
  const specification = found.rows[0].id;
  await client.query(
    `INSERT INTO "PersonSpecification" ("id", "teamId", "roleVersionId", "title", "createdById", "updatedAt")
     SELECT gen_random_uuid(), s."teamId", s."roleVersionId", $2, s."createdById", now() FROM "PersonSpecification" s
     WHERE s.id = $1 AND NOT EXISTS (SELECT 1 FROM "PersonSpecification" WHERE "teamId" = s."teamId" AND title = $2)`,
    [specification, DRAFT_SPECIFICATION],
  );
  const draftSpecification = await one(`SELECT id FROM "PersonSpecification" WHERE "teamId" = $1 AND title = $2`, [team, DRAFT_SPECIFICATION]);
  await client.query(
    `INSERT INTO "Criterion" ("id", "specificationId", "position", "category", "wording", "essential", "assessedBy", "weight", "descriptors", "questions")
     SELECT gen_random_uuid(), $2, "position", "category", "wording", "essential", "assessedBy", "weight", "descriptors", "questions" FROM "Criterion"
     WHERE "specificationId" = $1 AND NOT EXISTS (SELECT 1 FROM "Criterion" WHERE "specificationId" = $2)`,
    [specification, draftSpecification],
  );
  const criterion = await one(`SELECT id FROM "Criterion" WHERE "specificationId" = $1 ORDER BY position, id LIMIT 1`, [draftSpecification]);
  const vacancy = await one(`SELECT id FROM "Vacancy" WHERE "specificationId" = $1 AND status = 'INTERVIEWING' AND title = 'Peer Support Worker, Northbrook CMHT'`, [specification]);
  const panelMember = await one(`SELECT id FROM "PanelMember" WHERE "vacancyId" = $1 AND "userId" = $2`, [vacancy, peer]);
  const candidate = await one(`SELECT id FROM "Candidate" WHERE "vacancyId" = $1 AND number = 2 AND name = 'Bethany Hall'`, [vacancy]);
  const decidedVacancy = await one(`SELECT id FROM "Vacancy" WHERE "specificationId" = $1 AND status = 'DECIDED' AND title = 'Peer Support Worker (sessional), Northbrook CMHT'`, [specification]);
  const decidedCandidate = await one(`SELECT c.id FROM "Candidate" c JOIN "Appointment" a ON a."candidateId" = c.id WHERE c."vacancyId" = $1 AND c.outcome = 'APPOINTED'`, [decidedVacancy]);
  const openVacancy = await one(`SELECT id FROM "Vacancy" WHERE title LIKE 'Trust vacancy %' AND status = 'OPEN' ORDER BY title LIMIT 1`);
  const trustVacancy = await one(`SELECT id FROM "Vacancy" WHERE title LIKE 'Trust vacancy %' AND status = 'DECIDED' ORDER BY title LIMIT 1`);
  return { specification, draftSpecification, criterion, vacancy, panelMember, candidate, decidedVacancy, decidedCandidate, openVacancy, trustVacancy };
}

/**
 * The demo onboarding on the CMHT (prisma/demo-onboarding.ts): Jade's (the demo
 * peer worker's) placement, its open parity issue about the main meeting on her
 * day off (its key as it goes in an address), her task with a private note,
 * the team's main meeting and one of her systems; the default template and its
 * first task; Marcus, whose wellbeing plan is shared with the demo manager;
 * Elliot's appointment waiting to be placed; and a trust placement whose hours
 * were changed (two plans) for HR.
 */
async function onboardingFixtures(client, one, team, peer) {
  const found = await client.query(`SELECT id FROM "Placement" WHERE "teamId" = $1 AND "userId" = $2 AND "endedAt" IS NULL`, [team, peer]);
  if (found.rows.length === 0) throw new Error('Benchmark fixture not found: the demo onboarding (prisma/demo-onboarding.ts). A bench database seeded before it existed is not seeded again: delete .data/bench-postgres (or the BENCH_DATABASE_URL databases) and run again.');
  const placement = found.rows[0].id;
  const meeting = await one(
    `SELECT m.id FROM "TeamMeeting" m JOIN "Placement" p ON p.id = $2 WHERE m."teamId" = $1 AND m.main AND NOT (m.day = ANY (p."workingDays")) ORDER BY m."createdAt" LIMIT 1`,
    [team, placement],
  );
  const task = await one(
    `SELECT t.id FROM "OnboardingTask" t JOIN "OnboardingPlan" pl ON pl.id = t."planId"
     WHERE pl."placementId" = $1 AND t."ownerId" = $2 AND t."removedAt" IS NULL
     ORDER BY EXISTS (SELECT 1 FROM "OnboardingTaskNote" n WHERE n."taskId" = t.id) DESC, t."dueOn", t.id LIMIT 1`,
    [placement, peer],
  );
  const systemAccess = await one(`SELECT id FROM "SystemAccess" WHERE "userId" = $1 ORDER BY system LIMIT 1`, [peer]);
  const template = await one(`SELECT id FROM "OnboardingTemplate" WHERE name = 'Peer worker onboarding (default)' AND "archivedAt" IS NULL`);
  const templateTask = await one(`SELECT id FROM "OnboardingTemplateTask" WHERE "templateId" = $1 ORDER BY position, id LIMIT 1`, [template]);
  const wellbeingOwner = await one(
    `SELECT w."userId" AS id FROM "WellbeingPlan" w JOIN "WellbeingShare" s ON s."planId" = w.id AND s."revokedAt" IS NULL
     JOIN "User" reader ON reader.id = s."sharedWithId" AND reader.email = 'manager.cmht@peerroles.test'
     JOIN "User" owner ON owner.id = w."userId" AND owner.email = 'marcus.bennett@peerroles.test'`,
  );
  const appointment = await one(`SELECT a.id FROM "Appointment" a JOIN "User" u ON u.id = a."userId" AND u.email = 'elliot.shaw@peerroles.test' WHERE a."placedAt" IS NULL`);
  const trustPlacement = await one(
    `SELECT p.id FROM "Placement" p JOIN "Team" t ON t.id = p."teamId" AND t.name LIKE 'Trust team %'
     WHERE p."endedAt" IS NULL AND (SELECT count(*) FROM "OnboardingPlan" pl WHERE pl."placementId" = p.id) > 1 ORDER BY t.name, p.id LIMIT 1`,
  );
  return { placement, parityKey: encodeURIComponent(`meeting:${meeting}`), meeting, task, systemAccess, template, templateTask, wellbeingOwner, appointment, trustPlacement };
}

/**
 * The demo supervision on the CMHT (prisma/demo-supervision.ts): Jade's (the
 * demo peer worker's) agreement, her reflective practice arrangement (to end),
 * her first peer supervision session with Sophie (co-signed, not amended, with
 * actions and her comment: she reads its notes, her manager only that it
 * happened), her latest line management session, recorded by the manager and
 * not yet co-signed (the manager may still change it), Hannah's placement that
 * waits for an agreement, and Amara's entry published to the organisation.
 */
async function supervisionFixtures(client, one, team, peer) {
  const found = await client.query(`SELECT id FROM "SupervisionAgreement" WHERE "teamId" = $1 AND "peerWorkerId" = $2`, [team, peer]);
  if (found.rows.length === 0) throw new Error('Benchmark fixture not found: the demo supervision (prisma/demo-supervision.ts). A bench database seeded before it existed is not seeded again: delete .data/bench-postgres (or the BENCH_DATABASE_URL databases) and .data/bench-notes-keys and run again.');
  const supervisionAgreement = found.rows[0].id;
  const supervisionArrangement = await one(`SELECT id FROM "SupervisionArrangement" WHERE "agreementId" = $1 AND type = 'GROUP_REFLECTIVE' AND "endedAt" IS NULL`, [supervisionAgreement]);
  const supervisionSession = await one(
    `SELECT s.id FROM "SupervisionSession" s
     WHERE s."agreementId" = $1 AND s.type = 'PEER' AND s."cosignedAt" IS NOT NULL AND s."amendsId" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "SupervisionSession" a WHERE a."amendsId" = s.id)
     ORDER BY s."heldOn", s.id LIMIT 1`,
    [supervisionAgreement],
  );
  const unsignedSession = await one(
    `SELECT s.id FROM "SupervisionSession" s JOIN "User" u ON u.id = s."recordedById" AND u.email = 'manager.cmht@peerroles.test'
     WHERE s."agreementId" = $1 AND s."cosignedAt" IS NULL ORDER BY s."heldOn" DESC, s.id LIMIT 1`,
    [supervisionAgreement],
  );
  const supervisionPlacement = await one(
    `SELECT p.id FROM "Placement" p JOIN "User" u ON u.id = p."userId" AND u.email = 'hannah.kowalski@peerroles.test'
     WHERE p."teamId" = $1 AND p."endedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "SupervisionAgreement" a WHERE a."placementId" = p.id)`,
    [team],
  );
  const libraryEntry = await one(
    `SELECT e.id FROM "LibraryEntry" e JOIN "User" u ON u.id = e."authorId" AND u.email = 'amara.osei@peerroles.test'
     WHERE e.status = 'PUBLISHED' AND e.scope = 'ORGANISATION' ORDER BY e."createdAt", e.id LIMIT 1`,
  );
  return { supervisionAgreement, supervisionArrangement, supervisionSession, unsignedSession, supervisionPlacement, libraryEntry };
}

const BENCH_IMPORT_FILE = 'Bench trust staff list.csv';
const BENCH_IMPORTED_FILE = 'Bench staff list, imported.csv';

/**
 * Two of the demo administrator's imports of people: a draft of 5,000 rows
 * from the trust's own people and teams (the large file; its preview
 * judges every row on each view), and one already written. An administrator
 * who uploads a file replaces their draft; the next run makes it again.
 */
async function peopleImportFixtures(client, one) {
  const admin = await one(`SELECT id FROM "User" WHERE email = 'admin@peerroles.test'`);
  await client.query(
    `INSERT INTO "PeopleImport" ("id", "createdById", "fileName", "cells", "mapping", "updatedAt")
     SELECT gen_random_uuid(), $1, $2,
            jsonb_build_array(jsonb_build_array('Name', 'Email', 'Job title', 'Team', 'Team role', 'Organisation role'))
              || COALESCE((SELECT jsonb_agg(jsonb_build_array(r.name, r.email, r.job, r.team, r.role, '') ORDER BY r.email, r.team) FROM (
                   SELECT u.name, u.email, COALESCE(u."jobTitle", '') AS job, COALESCE(t.name, '') AS team,
                          CASE m.role WHEN 'MANAGER' THEN 'Manager' WHEN 'STAFF' THEN 'Staff (non-peer)' WHEN 'PEER_WORKER' THEN 'Peer worker' ELSE '' END AS role
                   FROM "User" u LEFT JOIN "TeamMembership" m ON m."userId" = u.id LEFT JOIN "Team" t ON t.id = m."teamId" AND t."archivedAt" IS NULL
                   WHERE u."disabledAt" IS NULL ORDER BY u.email, t.name LIMIT 5000) r), '[]'::jsonb),
            '{"name":0,"email":1,"jobTitle":2,"team":3,"teamRole":4,"orgRole":null}'::jsonb, now()
     WHERE NOT EXISTS (SELECT 1 FROM "PeopleImport" WHERE "createdById" = $1 AND "fileName" = $2 AND status = 'DRAFT')`,
    [admin, BENCH_IMPORT_FILE],
  );
  await client.query(
    `INSERT INTO "PeopleImport" ("id", "createdById", "fileName", "cells", "mapping", "status", "total", "processed", "result", "outcomes", "finishedAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, '[["Name","Email"]]'::jsonb, '{"name":0,"email":1,"jobTitle":null,"team":null,"teamRole":null,"orgRole":null}'::jsonb,
            'DONE', 250, 250, '{"created":200,"updated":40,"unchanged":10,"disabled":0}'::jsonb, '[]'::jsonb, now(), now()
     WHERE NOT EXISTS (SELECT 1 FROM "PeopleImport" WHERE "createdById" = $1 AND "fileName" = $2)`,
    [admin, BENCH_IMPORTED_FILE],
  );
  const peopleImport = await one(`SELECT id FROM "PeopleImport" WHERE "createdById" = $1 AND "fileName" = $2 AND status = 'DRAFT'`, [admin, BENCH_IMPORT_FILE]);
  const finishedImport = await one(`SELECT id FROM "PeopleImport" WHERE "createdById" = $1 AND "fileName" = $2`, [admin, BENCH_IMPORTED_FILE]);
  return { peopleImport, finishedImport };
}

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
    const recruitment = await recruitmentFixtures(client, one, team, peer);
    const onboarding = await onboardingFixtures(client, one, team, peer);
    const supervision = await supervisionFixtures(client, one, team, peer);
    const imports = await peopleImportFixtures(client, one);
    return { team, reviewTeam, role, reviewRole, check, contestedActivity, concern, staff, peer, membership, activity, teamActivity, trustRole, trustTeam, ...recruitment, ...onboarding, ...supervision, ...imports };
  } finally {
    await client.end();
  }
}
