// Fills a migrated, seeded database with a trust's data, in SQL (seconds, not
// minutes): at scale 1, 500 teams, 5,000 people, 1,000 roles with 5,000
// versions, 2,000 expectations checks with about 40,000 answers, 200,000
// audit events, a notification and an outbox email for each review
// invitation, and recruitment: 200 vacancies with a person specification each,
// 4,000 candidates and about 60,000 scores; at scale 0.1, a tenth of each. HR
// (hr@peerroles.test) is asked to review every role in review, as the default
// agreement policy needs, so their Requests page grows with the trust, and sits
// on half the trust's recruitment panels (the demo peer worker on a quarter).
// Idempotent: a filled database is left as it is; one filled before
// notifications or recruitment existed gets those alone.
import pg from 'pg';

export const SIZES = { teams: 500, people: 5_000, rolesPerTeam: 2, versionsPerRole: 5, auditEvents: 200_000, vacancies: 200 };

/**
 * Recruitment in the trust: a vacancy on the first role of each of the first
 * teams (on its agreed version, with a person specification of its own), 20
 * candidates each and a panel of three (the team's manager in the chair, a
 * peer worker, someone from HR). Vacancy n's status is STATUSES[(n - 1) % 20]:
 * in every 20, 1 open, 2 shortlisting, 5 at interview, 8 decided and 4 closed
 * long enough ago that the candidates' personal data has been purged. Every
 * member scores every candidate at shortlisting (3 criteria), and the 13
 * invited at interview (4 criteria), except where a conflict is declared (the
 * peer worker and candidate 7, in every fifth vacancy past open).
 */
export const RECRUITMENT = {
  candidatesPerVacancy: 20,
  invited: 13,
  panel: 3,
  shortlistingCriteria: 3,
  interviewCriteria: 4,
  conflictedCandidate: 7,
  statuses: [
    'DECIDED', 'INTERVIEWING', 'CLOSED', 'DECIDED', 'SHORTLISTING', 'INTERVIEWING', 'DECIDED', 'OPEN', 'DECIDED', 'INTERVIEWING',
    'CLOSED', 'DECIDED', 'SHORTLISTING', 'INTERVIEWING', 'DECIDED', 'CLOSED', 'DECIDED', 'INTERVIEWING', 'DECIDED', 'CLOSED',
  ],
};

const AT_INTERVIEW = ['INTERVIEWING', 'DECIDED', 'CLOSED'];
const statusOf = (n) => RECRUITMENT.statuses[(n - 1) % RECRUITMENT.statuses.length];
/** Candidate number's place in the shortlist: the first `invited` places are invited (7 is prime to 20, so every place is taken once). */
const placeOf = (number) => (number * 7) % RECRUITMENT.candidatesPerVacancy;
const hasConflict = (n) => n % 5 === 0 && statusOf(n) !== 'OPEN';

/** Candidates and scores of `vacancies` vacancies filled as fillRecruitment fills them. */
function recruitmentSizes(vacancies) {
  const { candidatesPerVacancy, invited, panel, shortlistingCriteria, interviewCriteria } = RECRUITMENT;
  let scores = 0;
  for (let n = 1; n <= vacancies; n++) {
    const status = statusOf(n);
    if (status === 'OPEN') continue;
    scores += candidatesPerVacancy * panel * shortlistingCriteria - (hasConflict(n) ? shortlistingCriteria : 0);
    if (AT_INTERVIEW.includes(status)) scores += invited * panel * interviewCriteria - (hasConflict(n) && placeOf(RECRUITMENT.conflictedCandidate) < invited ? interviewCriteria : 0);
  }
  return { vacancies, candidates: vacancies * candidatesPerVacancy, scores };
}

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
    ...recruitmentSizes(Math.round(SIZES.vacancies * scale)),
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

const DESCRIPTORS = ['No evidence', 'Limited evidence', 'Meets the criterion', 'Good evidence', 'Strong evidence, with examples'];
const FIRST_NAMES = ['Aisha', 'Ben', 'Carys', 'Dev', 'Eilidh', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jonah', 'Kezia', 'Luca', 'Maya', 'Niall', 'Olu', 'Priya', 'Rory', 'Sana', 'Tom', 'Zofia'];
const LAST_NAMES = ['Ahmed', 'Baker', 'Clarke', 'Davies', 'Evans', 'Fraser', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Murphy', 'Nowak', 'Owen', 'Patel', 'Quinn', 'Roberts', 'Singh', 'Taylor'];

/** Whether the trust's recruitment is in (a database filled before recruitment existed has none). */
async function recruitmentFilled(client) {
  const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM "Vacancy" WHERE title LIKE 'Trust vacancy %') AS filled`);
  return rows[0].filled;
}

/**
 * The trust's recruitment (RECRUITMENT above), inside the caller's transaction.
 * Submitted scores are inserted with their sheets already submitted: the
 * Score_keep_submitted trigger guards updates and deletes only.
 */
async function fillRecruitment(client, scale) {
  const { candidatesPerVacancy, invited, conflictedCandidate, statuses } = RECRUITMENT;
  // One row a vacancy with everything the inserts below share: its team, role version, panel and dates.
  await client.query(
    `CREATE TEMP TABLE bench_vacancy ON COMMIT DROP AS
     WITH teams AS (
       SELECT id, name, row_number() OVER (ORDER BY name) AS tn FROM "Team" WHERE name LIKE 'Trust team %'
     ), hr AS (
       SELECT id, row_number() OVER (ORDER BY email) - 1 AS hn, count(*) OVER () AS hc FROM "User" WHERE email LIKE 'trust%@peerroles.test' AND "orgRole" = 'HR'
     ), base AS (
       SELECT v.n, t.id AS team_id, t.name AS team_name, r.title AS role_title, rv.id AS role_version_id, mgr."userId" AS manager_id,
         CASE WHEN v.n % 4 = 0 THEN (SELECT id FROM "User" WHERE email = 'peer.cmht@peerroles.test') ELSE peer."userId" END AS peer_id,
         CASE WHEN v.n % 2 = 1 THEN (SELECT id FROM "User" WHERE email = 'hr@peerroles.test') ELSE hr.id END AS hr_id,
         ($2::text[])[1 + (v.n - 1) % cardinality($2::text[])]::"VacancyStatus" AS status
       FROM generate_series(1, $1::int) v(n)
       JOIN teams t ON t.tn = v.n
       JOIN "Role" r ON r."teamId" = t.id AND r.title = 'Peer support worker 1'
       JOIN "RoleVersion" rv ON rv."roleId" = r.id AND rv.status = 'AGREED'
       CROSS JOIN LATERAL (SELECT "userId" FROM "TeamMembership" WHERE "teamId" = t.id AND role = 'MANAGER' ORDER BY "userId" LIMIT 1) mgr
       CROSS JOIN LATERAL (SELECT "userId" FROM "TeamMembership" WHERE "teamId" = t.id AND role = 'PEER_WORKER' ORDER BY "userId" LIMIT 1) peer
       JOIN hr ON hr.hn = (v.n / 2) % hr.hc
     ), dated AS (
       SELECT base.*, now() - make_interval(days => (CASE status WHEN 'OPEN' THEN 10 WHEN 'SHORTLISTING' THEN 40 WHEN 'INTERVIEWING' THEN 60 WHEN 'DECIDED' THEN 100 + n % 80 ELSE 300 + n % 150 END)::int + n % 7) AS created_at
       FROM base
     )
     SELECT dated.*, gen_random_uuid() AS specification_id, gen_random_uuid() AS vacancy_id,
       (created_at + interval '24 days')::date AS closing_date,
       (created_at + interval '25 days') AS declared_at,
       (created_at + interval '27 days') AS shortlisted_at,
       (created_at + interval '44 days') AS interviewed_at,
       CASE WHEN status IN ('DECIDED', 'CLOSED') THEN created_at + interval '60 days' END AS decided_at,
       CASE WHEN status IN ('DECIDED', 'CLOSED') THEN created_at + interval '60 days' + make_interval(months => coalesce((SELECT "retentionMonths" FROM "RecruitmentSettings" WHERE id = 1), 6)) END AS retain_until,
       status = 'CLOSED' AS purged
     FROM dated`,
    [Math.round(SIZES.vacancies * scale), statuses],
  );
  await client.query(
    `INSERT INTO "PersonSpecification" ("id", "teamId", "roleVersionId", "title", "createdById", "createdAt", "updatedAt")
     SELECT specification_id, team_id, role_version_id, 'Trust person specification ' || lpad(n::text, 4, '0') || ': ' || role_title || ', ' || team_name, manager_id, created_at - interval '14 days', created_at - interval '14 days'
     FROM bench_vacancy`,
  );
  // Four criteria, as the demo's: shortlisting scores the three assessed from the application, the interview all four (one by a task).
  await client.query(
    `INSERT INTO "Criterion" ("id", "specificationId", "position", "category", "wording", "essential", "assessedBy", "weight", "descriptors", "questions")
     SELECT gen_random_uuid(), v.specification_id, c.position, c.category::"CriterionCategory", c.wording, c.essential, c.assessed::"AssessmentMethod"[], c.weight, $1::text[], c.questions
     FROM bench_vacancy v CROSS JOIN (VALUES
       (0, 'LIVED_EXPERIENCE', 'Personal lived experience of mental health difficulties and recovery, and willingness to use it to support others', true, '{APPLICATION,INTERVIEW}', 1,
        ARRAY['How do you decide what to share of your own story, with whom and when?', 'Tell us about a time your own experience helped you understand what someone else was going through.']),
       (1, 'VALUES', 'Commitment to hope, choice and mutuality in recovery-focused practice', true, '{APPLICATION,INTERVIEW}', 2,
        ARRAY['What does hope mean to you, and how would you hold it for someone who has lost it?']),
       (2, 'SKILLS_KNOWLEDGE', 'Understanding of what peer support is, and is not, alongside a clinical team', false, '{INTERVIEW}', 1,
        ARRAY['How would you explain peer support to a colleague who had not worked alongside a peer worker before?']),
       (3, 'PRACTICAL', 'Able to keep clear, respectful records of their work', false, '{APPLICATION,TASK}', 1,
        ARRAY['How would you keep a record of your work that is useful to the person and to the team?'])
     ) AS c(position, category, wording, essential, assessed, weight, questions)`,
    [DESCRIPTORS],
  );
  await client.query(
    `INSERT INTO "Vacancy" ("id", "teamId", "roleVersionId", "specificationId", "title", "posts", "closingDate", "reach", "status", "decidedAt", "createdById", "createdAt", "updatedAt")
     SELECT vacancy_id, team_id, role_version_id, specification_id, 'Trust vacancy ' || lpad(n::text, 4, '0') || ': ' || role_title || ', ' || team_name,
       CASE WHEN n % 10 = 5 THEN 2 ELSE 1 END, closing_date, (CASE WHEN n % 3 = 0 THEN 'DIRECT_APPROACH' ELSE 'OPEN_ADVERT' END)::"CandidateReach",
       status, decided_at, hr_id, created_at, coalesce(decided_at, created_at + interval '1 day')
     FROM bench_vacancy`,
  );
  // The team's manager chairs; declarations are made once applications close (none yet on an open vacancy).
  await client.query(
    `INSERT INTO "PanelMember" ("id", "vacancyId", "userId", "role", "shortlisting", "interview", "conflictsDeclaredAt", "createdAt")
     SELECT gen_random_uuid(), v.vacancy_id, m.user_id, m.role::"PanelRole", true, true, CASE WHEN v.status <> 'OPEN' THEN v.declared_at END, v.created_at + interval '1 day'
     FROM bench_vacancy v CROSS JOIN LATERAL (VALUES (v.manager_id, 'CHAIR'), (v.peer_id, 'MEMBER'), (v.hr_id, 'MEMBER')) m(user_id, role)`,
  );
  await client.query(
    `CREATE TEMP TABLE bench_candidate ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, c.number, (c.number * 7) % $1::int AS place, (c.number * 7) % $1::int < $2::int AS invited,
       v.n % 5 = 0 AND v.status <> 'OPEN' AND c.number = $3::int AS conflicted,
       ($4::text[])[1 + (v.n * 7 + c.number) % cardinality($4::text[])] AS first_name, ($5::text[])[1 + (v.n * 3 + c.number * 11) % cardinality($5::text[])] AS last_name,
       v.*
     FROM bench_vacancy v CROSS JOIN generate_series(1, $1::int) c(number)`,
    [candidatesPerVacancy, invited, conflictedCandidate, FIRST_NAMES, LAST_NAMES],
  );
  // Shortlisting outcomes once the vacancy is at interview; one appointed and one reserve among those invited once decided; closed vacancies' candidates purged.
  await client.query(
    `INSERT INTO "Candidate" ("id", "vacancyId", "number", "name", "email", "phone", "adjustments", "guaranteedInterview", "shortlistOutcome", "shortlistReason",
       "outcome", "rationale", "decidedById", "decidedAt", "retainUntil", "purgedAt", "createdById", "createdAt")
     SELECT c.id, c.vacancy_id, c.number,
       CASE WHEN NOT c.purged THEN c.first_name || ' ' || c.last_name END,
       CASE WHEN NOT c.purged THEN lower(c.first_name || '.' || c.last_name) || '.' || c.n || '-' || c.number || '@example.test' END,
       CASE WHEN NOT c.purged THEN '07700 9' || lpad(((c.n * 20 + c.number) % 100000)::text, 5, '0') END,
       CASE WHEN NOT c.purged AND c.number % 7 = 0 THEN 'Interview questions in advance, please; a quiet room to wait in.' END,
       c.number % 10 = 3,
       CASE WHEN c.status IN ('INTERVIEWING', 'DECIDED', 'CLOSED') THEN (CASE WHEN c.invited THEN 'INVITED' ELSE 'NOT_INVITED' END)::"ShortlistOutcome" END,
       CASE WHEN c.status IN ('INTERVIEWING', 'DECIDED', 'CLOSED') AND NOT c.invited AND NOT c.purged THEN 'Below the threshold on an essential criterion at shortlisting.' END,
       o.outcome,
       CASE WHEN o.outcome IS NOT NULL AND NOT c.purged THEN (CASE o.outcome WHEN 'APPOINTED' THEN 'Strong on lived experience and values; clear about what peer support is and is not.' WHEN 'RESERVE' THEN 'Met every essential criterion; a close second.' ELSE 'Met some criteria; others on the panel scored higher.' END) END,
       CASE WHEN o.outcome IS NOT NULL THEN c.manager_id END,
       CASE WHEN o.outcome IS NOT NULL THEN c.decided_at - interval '1 hour' END,
       c.retain_until,
       CASE WHEN c.purged THEN c.retain_until END,
       c.hr_id, c.created_at + make_interval(hours => c.number)
     FROM bench_candidate c
     CROSS JOIN LATERAL (SELECT (CASE WHEN c.status IN ('DECIDED', 'CLOSED') AND c.invited THEN (CASE c.place WHEN 0 THEN 'APPOINTED' WHEN 1 THEN 'RESERVE' ELSE 'NOT_APPOINTED' END) END)::"RecruitmentOutcome" AS outcome) o`,
  );
  await client.query(
    `INSERT INTO "ApplicationAnswer" ("id", "candidateId", "criterionId", "text", "identifying")
     SELECT gen_random_uuid(), c.id, k.id,
       CASE WHEN NOT c.purged THEN (CASE k.position
         WHEN 0 THEN 'I have lived with depression and anxiety for years and used community mental health services. What helped most was someone who had been there.'
         WHEN 1 THEN 'I believe everyone can find their own way to a life that matters to them, and I try to walk alongside people rather than tell them what to do.'
         ELSE 'I kept session notes as a volunteer befriender and shared them with the person each time, so that they owned their record.' END) END,
       k.position = 3 AND c.number % 9 = 0
     FROM bench_candidate c JOIN "Criterion" k ON k."specificationId" = c.specification_id AND 'APPLICATION' = ANY (k."assessedBy")`,
  );
  await client.query(
    `INSERT INTO "ConflictDeclaration" ("id", "vacancyId", "candidateId", "userId", "kind", "note", "createdAt")
     SELECT gen_random_uuid(), c.vacancy_id, c.id, c.peer_id, 'KNOWS_THEM', CASE WHEN NOT c.purged THEN 'We were on the same recovery college course last year.' END, c.declared_at - interval '1 hour'
     FROM bench_candidate c WHERE c.conflicted`,
  );
  // Every member's sheet, submitted: for every candidate at shortlisting, for those invited at interview; none by a member with a conflict.
  await client.query(
    `CREATE TEMP TABLE bench_sheet ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, c.id AS candidate_id, c.specification_id, c.invited, c.place, c.purged, m.user_id, s.stage,
       s.at + make_interval(hours => m.seat) AS submitted_at
     FROM bench_candidate c
     CROSS JOIN LATERAL (VALUES (c.manager_id, 0), (c.peer_id, 1), (c.hr_id, 2)) m(user_id, seat)
     CROSS JOIN LATERAL (VALUES ('SHORTLISTING', c.shortlisted_at), ('INTERVIEW', c.interviewed_at)) s(stage, at)
     WHERE c.status <> 'OPEN'
       AND (s.stage = 'SHORTLISTING' OR (c.status IN ('INTERVIEWING', 'DECIDED', 'CLOSED') AND c.invited))
       AND NOT (c.conflicted AND m.user_id = c.peer_id)`,
  );
  await client.query(
    `INSERT INTO "ScoreSheet" ("id", "candidateId", "userId", "stage", "submittedAt", "createdAt", "updatedAt")
     SELECT id, candidate_id, user_id, stage::"ScoringStage", submitted_at, submitted_at - interval '1 day', submitted_at FROM bench_sheet`,
  );
  // Those invited scored 2 to 4 at shortlisting, the others 0 to 2; at interview the appointed candidate 3 or 4, everyone else 1 to 4.
  await client.query(
    `INSERT INTO "Score" ("id", "sheetId", "criterionId", "score", "evidence", "createdAt")
     SELECT gen_random_uuid(), s.id, k.id,
       CASE WHEN s.stage = 'SHORTLISTING' THEN (CASE WHEN s.invited THEN 2 + x.h % 3 ELSE x.h % 3 END) WHEN s.place = 0 THEN 3 + x.h % 2 ELSE 1 + x.h % 4 END,
       CASE WHEN NOT s.purged THEN (CASE WHEN s.stage = 'SHORTLISTING' THEN 'From the application: a clear, specific example.' ELSE 'At interview: spoke about their own recovery with care and purpose.' END) END,
       s.submitted_at - interval '10 minutes'
     FROM bench_sheet s
     JOIN "Criterion" k ON k."specificationId" = s.specification_id
       AND (CASE WHEN s.stage = 'SHORTLISTING' THEN 'APPLICATION' = ANY (k."assessedBy") ELSE k."assessedBy" && ARRAY['INTERVIEW', 'TASK']::"AssessmentMethod"[] END)
     CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text || k.id::text)) AS h) x`,
  );
  // What the panel agreed about the reserve candidate's values at interview.
  await client.query(
    `INSERT INTO "ModerationNote" ("id", "candidateId", "stage", "criterionId", "text", "authorId", "createdAt")
     SELECT gen_random_uuid(), c.id, 'INTERVIEW', k.id, CASE WHEN NOT c.purged THEN 'The panel discussed the difference and agreed a 3: clear examples of holding hope.' END, c.manager_id, c.interviewed_at + interval '1 day'
     FROM bench_candidate c JOIN "Criterion" k ON k."specificationId" = c.specification_id AND k.position = 1
     WHERE c.status IN ('INTERVIEWING', 'DECIDED', 'CLOSED') AND c.place = 1`,
  );
}

export async function fillTrust(databaseUrl, scale, log = console.log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Team" WHERE name LIKE 'Trust team %'`);
    if (rows[0].n > 0) {
      // Filled before notifications or recruitment existed: add what is missing alone.
      const { rows: outbox } = await client.query(`SELECT EXISTS (SELECT 1 FROM "OutboxEmail") AS filled`);
      const notifications = !outbox[0].filled;
      const recruitment = !(await recruitmentFilled(client));
      if (!notifications && !recruitment) return false;
      await client.query('BEGIN');
      if (notifications) {
        log('Adding notifications and outbox emails to the filled trust');
        await fillNotifications(client);
      }
      if (recruitment) {
        const { vacancies, candidates, scores } = sizesAt(scale);
        log(`Adding recruitment to the filled trust at scale ${scale}: ${JSON.stringify({ vacancies, candidates, scores })}`);
        await fillRecruitment(client, scale);
      }
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
    await fillRecruitment(client, scale);
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
