// Fills a migrated, seeded database with a trust's data, in SQL (seconds, not
// minutes): at scale 1, 500 teams, 5,000 people, 1,000 roles with 5,000
// versions, 2,000 expectations checks with about 40,000 answers, 200,000
// audit events, a notification and an outbox email for each review
// invitation, and recruitment: 200 vacancies with a person specification each,
// 4,000 candidates and about 60,000 scores, and onboarding: 1,500 placements
// with about 40,000 tasks; at scale 0.1, a tenth of each. HR
// (hr@peerroles.test) is asked to review every role in review, as the default
// agreement policy needs, so their Requests page grows with the trust, and sits
// on half the trust's recruitment panels (the demo peer worker on a quarter);
// HR owes the HR onboarding tasks of half the placements, the demo manager
// line-manages a twentieth of them and the demo peer worker peer-supervises a tenth.
// Idempotent: a filled database is left as it is; one filled before
// notifications, recruitment or onboarding existed gets those alone.
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
    ...onboardingSizes(teams),
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

/**
 * Onboarding in the trust: three placements a team (scale 1: 1,500), on its
 * peer support roles' agreed versions: each of its two peer workers placed now
 * (the first on "Peer support worker 1", the second on "... 2", started
 * between 389 days ago and 30 days from now), and the first's earlier
 * placement on version 2 (agreed then, superseded since), ended. Each has a
 * joining plan from its service type's template (the default template's tasks
 * and LOCAL_TASKS); one current placement in three that started 90 days ago
 * or more had its hours changed at 60 days, with a plan of its own; the
 * manager added two tasks to every current plan and removed one in ten of the
 * second. About 40,000 tasks, owned as startPlan owns them
 * (lib/onboarding/records.ts), due as dueDate (lib/onboarding/rules.ts) says,
 * their statuses following the due dates: most of the past done, some overdue,
 * a few that cannot start yet. The demo HR person (hr@peerroles.test) owes the
 * HR tasks of half the placements, the demo manager line-manages one in twenty
 * and the demo peer worker is peer supervisor to one in ten, so that their home
 * pages and task lists grow with the trust. Every team has two meetings and
 * its members their systems (a third of the peer workers without the records
 * system); a quarter of current placements have their contract, band, hours,
 * meeting and peer-supervisor issues accepted; one peer worker in five has a
 * wellbeing plan, shared with their line manager (and for half with their peer
 * supervisor; a quarter of shares revoked); a quarter of the peer workers' own
 * tasks under way or done carry a private note.
 */
export const ONBOARDING = {
  placementsPerTeam: 3,
  /** The default template's 14 tasks (lib/onboarding/default-template.ts) and the 10 of LOCAL_TASKS. */
  joiningTasks: 14 + 10,
  changeTasks: 6,
  addedTasks: 2,
};

/** [section, title, who does it, days from the start] */
const LOCAL_TASKS = [
  ['SYSTEMS_ACCESS', 'Add them to the team’s rota, calendars and email lists', 'IT_ADMIN', -1],
  ['INDUCTION', 'Fire safety and a tour of the base', 'MANAGER', 0],
  ['INDUCTION', 'Lone working and personal safety briefing', 'MANAGER', 3],
  ['INDUCTION', 'Information governance training', 'PEER_WORKER', 7],
  ['INDUCTION', 'Safeguarding adults and children training', 'PEER_WORKER', 21],
  ['PEER_TRAINING', 'Join the trust’s peer support network', 'PEER_WORKER', 14],
  ['PEER_TRAINING', 'Book intentional peer support training', 'HR', 60],
  ['SUPERVISION_SETUP', 'First peer supervision session', 'SUPERVISOR', 21],
  ['SUPERVISION_SETUP', 'Agree how they join reflective practice', 'MANAGER', 28],
  ['INTRODUCTIONS', 'Visit partner services: the recovery college and local voluntary groups', 'PEER_WORKER', 35],
];

const CHANGE_TASKS = [
  ['TEAM_PREPARATION', 'Tell the team about the new arrangements', 'MANAGER', 0],
  ['SYSTEMS_ACCESS', 'Check their systems access still matches colleagues’', 'IT_ADMIN', 3],
  ['INDUCTION', 'Update the rota and meeting invitations', 'MANAGER', 5],
  ['INTRODUCTIONS', 'Meet the colleagues who work on their new days', 'PEER_WORKER', 7],
  ['SUPERVISION_SETUP', 'Review the supervision agreement', 'SUPERVISOR', 14],
  ['FIRST_REVIEWS', 'Review how the change is going', 'MANAGER', 42],
];

const ADDED_TASKS = [
  ['INTRODUCTIONS', 'Visit the crisis team and the inpatient ward', 'PEER_WORKER', 30],
  ['PEER_TRAINING', 'Book a place at the trust’s peer support conference', 'MANAGER', 50],
];

/** Task lists as four arrays (sections, titles, owners, offsets), for unnest. */
const columns = (tasks) => [0, 1, 2, 3].map((column) => tasks.map((task) => task[column]));

export const TRUST_CHANGE_TEMPLATE = 'Trust change of arrangements';
/** Placement n's start (current placements): between 389 days ago and 30 days ahead. */
const startDaysAgo = (n) => ((n * 37) % 420) - 30;
const hasChangePlan = (n, slot) => slot < 2 && n % 3 === 0 && startDaysAgo(n) >= 90;

/** Placements and tasks of a trust of `teams` teams filled as fillOnboarding fills it. */
function onboardingSizes(teams) {
  const { placementsPerTeam, joiningTasks, changeTasks, addedTasks } = ONBOARDING;
  let tasks = 0;
  for (let slot = 0; slot < placementsPerTeam; slot++) {
    for (let tn = 1; tn <= teams; tn++) {
      const n = slot * teams + tn;
      tasks += joiningTasks + (slot < 2 ? addedTasks : 0) + (hasChangePlan(n, slot) ? changeTasks : 0);
    }
  }
  return { placements: teams * placementsPerTeam, onboardingTasks: tasks };
}

/** Whether the trust's onboarding is in (a database filled before onboarding existed has none). */
async function onboardingFilled(client) {
  const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM "Placement" p JOIN "Team" t ON t.id = p."teamId" WHERE t.name LIKE 'Trust team %') AS filled`);
  return rows[0].filled;
}

/** How secure a contract is, as lib/onboarding/rules.ts ranks it, in SQL. */
const contractRank = (expression) => `(CASE ${expression} WHEN 'PERMANENT' THEN 4 WHEN 'FIXED_TERM' THEN 3 WHEN 'BANK' THEN 2 WHEN 'SESSIONAL' THEN 2 WHEN 'VOLUNTARY' THEN 0 END)`;

/** The trust's onboarding (ONBOARDING above), inside the caller's transaction. */
async function fillOnboarding(client) {
  // The templates: one per service type (the default's tasks, then LOCAL_TASKS), and one for a change of arrangements.
  await client.query(
    `INSERT INTO "OnboardingTemplate" ("id", "name", "serviceType", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'Trust onboarding: ' || lower(replace(st::text, '_', ' ')), st, now() - interval '500 days', now() - interval '500 days'
     FROM unnest(enum_range(NULL::"ServiceType")) st
     UNION ALL SELECT gen_random_uuid(), $1, NULL, now() - interval '500 days', now() - interval '500 days'`,
    [TRUST_CHANGE_TEMPLATE],
  );
  await client.query(
    `INSERT INTO "OnboardingTemplateTask" ("id", "templateId", "position", "section", "title", "description", "ownerRole", "offsetDays", "required")
     SELECT gen_random_uuid(), t.id, row_number() OVER (PARTITION BY t.id ORDER BY k.source, k.position), k.section, k.title, k.description, k.owner_role, k.offset_days, k.required
     FROM "OnboardingTemplate" t
     CROSS JOIN (
       SELECT 0 AS source, d.position::bigint AS position, d.section, d.title, d.description, d."ownerRole" AS owner_role, d."offsetDays" AS offset_days, d.required
       FROM "OnboardingTemplateTask" d JOIN "OnboardingTemplate" dt ON dt.id = d."templateId" AND dt.name = 'Peer worker onboarding (default)'
       UNION ALL
       SELECT 1, l.position, l.section::"TaskSection", l.title, '', l.owner::"TaskOwnerRole", l.offset_days, true
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY l(section, title, owner, offset_days, position)
     ) k
     WHERE t.name LIKE 'Trust onboarding: %'
     UNION ALL
     SELECT gen_random_uuid(), t.id, c.position, c.section::"TaskSection", c.title, '', c.owner::"TaskOwnerRole", c.offset_days, true
     FROM "OnboardingTemplate" t CROSS JOIN unnest($5::text[], $6::text[], $7::text[], $8::int[]) WITH ORDINALITY c(section, title, owner, offset_days, position)
     WHERE t.name = $9`,
    [...columns(LOCAL_TASKS), ...columns(CHANGE_TASKS), TRUST_CHANGE_TEMPLATE],
  );
  // Two meetings a team: the main one on a weekday that moves from team to team, reflective practice two days later.
  await client.query(
    `INSERT INTO "TeamMeeting" ("id", "teamId", "name", "day", "time", "main", "createdAt")
     SELECT gen_random_uuid(), t.id, m.name, (ARRAY['MON', 'TUE', 'WED', 'THU', 'FRI'])[1 + (t.tn + m.shift) % 5]::"Weekday", m.time, m.main, now() - interval '500 days'
     FROM (SELECT id, row_number() OVER (ORDER BY name) AS tn FROM "Team" WHERE name LIKE 'Trust team %') t
     CROSS JOIN (VALUES ('Team meeting (MDT)', 0, '10:00', true), ('Reflective practice', 2, '14:00', false)) m(name, shift, time, main)`,
  );
  // Everyone in a team has email and the shared drive, and all but a third of the peer workers the records system.
  await client.query(
    `INSERT INTO "SystemAccess" ("id", "userId", "system", "createdAt")
     SELECT gen_random_uuid(), m."userId", s.system, now() - interval '500 days'
     FROM "TeamMembership" m JOIN "Team" t ON t.id = m."teamId" AND t.name LIKE 'Trust team %'
     CROSS JOIN (VALUES ('NHS email'), ('Shared drive'), ('RiO (electronic patient record)')) s(system)
     WHERE s.system <> 'RiO (electronic patient record)' OR m.role <> 'PEER_WORKER' OR abs(hashtext(m."userId"::text)) % 3 <> 0
     ON CONFLICT DO NOTHING`,
  );
  // One row a placement with everything the inserts below share. Placement n is in team ((n - 1) % teams) + 1, in slot (n - 1) / teams.
  await client.query(
    `CREATE TEMP TABLE bench_placement ON COMMIT DROP AS
     WITH teams AS (
       SELECT id, "serviceType", row_number() OVER (ORDER BY name) AS tn, count(*) OVER () AS tc FROM "Team" WHERE name LIKE 'Trust team %'
     ), hr AS (
       SELECT id, row_number() OVER (ORDER BY email) - 1 AS hn, count(*) OVER () AS hc FROM "User" WHERE email LIKE 'trust%@peerroles.test' AND "orgRole" = 'HR'
     ), demo AS (
       SELECT (SELECT id FROM "User" WHERE email = 'hr@peerroles.test') AS hr_id, (SELECT id FROM "User" WHERE email = 'manager.cmht@peerroles.test') AS manager_id,
         (SELECT id FROM "User" WHERE email = 'peer.cmht@peerroles.test') AS peer_id
     ), base AS (
       SELECT s.slot * t.tc + t.tn AS n, s.slot, t.tn, t.id AS team_id, t."serviceType" AS service_type, mgr."userId" AS team_manager_id,
         CASE WHEN s.slot = 1 THEN p2."userId" ELSE p1."userId" END AS user_id,
         CASE WHEN s.slot = 1 THEN p1."userId" ELSE p2."userId" END AS other_peer_id,
         rv.id AS role_version_id, rv.content -> 'working' AS working,
         CASE WHEN (s.slot * t.tc + t.tn) % 2 = 1 THEN demo.hr_id ELSE hr.id END AS hr_id, demo.manager_id AS demo_manager_id, demo.peer_id AS demo_peer_id
       FROM teams t CROSS JOIN generate_series(0, $1::int - 1) s(slot) CROSS JOIN demo
       CROSS JOIN LATERAL (SELECT "userId" FROM "TeamMembership" WHERE "teamId" = t.id AND role = 'MANAGER' ORDER BY "userId" LIMIT 1) mgr
       CROSS JOIN LATERAL (SELECT "userId" FROM "TeamMembership" WHERE "teamId" = t.id AND role = 'PEER_WORKER' ORDER BY "userId" LIMIT 1) p1
       CROSS JOIN LATERAL (SELECT "userId" FROM "TeamMembership" WHERE "teamId" = t.id AND role = 'PEER_WORKER' ORDER BY "userId" OFFSET 1 LIMIT 1) p2
       JOIN "Role" r ON r."teamId" = t.id AND r.title = 'Peer support worker ' || (CASE WHEN s.slot = 1 THEN 2 ELSE 1 END)
       JOIN "RoleVersion" rv ON rv."roleId" = r.id AND rv."agreedAt" IS NOT NULL AND (CASE WHEN s.slot = 2 THEN rv.status = 'SUPERSEDED' AND rv.number = 2 ELSE rv.status = 'AGREED' END)
       JOIN hr ON hr.hn = ((s.slot * t.tc + t.tn) / 2) % hr.hc
     )
     SELECT base.*, gen_random_uuid() AS id, gen_random_uuid() AS plan_id, gen_random_uuid() AS change_plan_id,
       CASE WHEN slot < 2 THEN current_date - (((n * 37) % 420) - 30)::int ELSE current_date - (((tn * 37) % 420) - 30)::int - 400 END AS start_date,
       CASE WHEN slot = 2 THEN (current_date - (((tn * 37) % 420) - 30)::int - 60)::timestamp + interval '17 hours' END AS ended_at,
       slot < 2 AND n % 3 = 0 AND ((n * 37) % 420) - 30 >= 90 AS changed,
       CASE WHEN slot < 2 AND n % 20 = 0 THEN demo_manager_id ELSE team_manager_id END AS line_manager_id,
       CASE WHEN slot < 2 AND n % 10 = 0 THEN demo_peer_id WHEN n % 7 = 0 THEN NULL ELSE other_peer_id END AS peer_supervisor_id,
       (CASE n % 6 WHEN 0 THEN 'SESSIONAL' WHEN 1 THEN 'FIXED_TERM' WHEN 2 THEN 'BANK' ELSE 'PERMANENT' END)::"ContractType" AS contract_type,
       CASE WHEN n % 13 = 0 THEN NULL WHEN n % 9 = 0 THEN 2 ELSE 3 END AS band,
       (ARRAY[15, 22.5, 30, 37.5])[1 + (n / 3) % 4]::numeric(4, 1) AS hours,
       (CASE n % 5 WHEN 0 THEN '{MON,TUE,WED,THU,FRI}' WHEN 1 THEN '{MON,TUE,THU}' WHEN 2 THEN '{TUE,WED,THU}' WHEN 3 THEN '{MON,WED,FRI}' ELSE '{WED,THU,FRI}' END)::"Weekday"[] AS working_days
     FROM base`,
    [ONBOARDING.placementsPerTeam],
  );
  await client.query(
    `INSERT INTO "Placement" ("id", "userId", "teamId", "roleVersionId", "startDate", "contractType", "band", "hoursPerWeek", "workingDays", "lineManagerId", "peerSupervisorId",
       "endedAt", "createdById", "version", "createdAt", "updatedAt")
     SELECT id, user_id, team_id, role_version_id, start_date, contract_type, band, hours, working_days, line_manager_id, peer_supervisor_id, ended_at, team_manager_id,
       CASE WHEN changed OR ended_at IS NOT NULL THEN 2 ELSE 1 END,
       least((start_date - 21)::timestamp + interval '9 hours', now() - interval '2 days'), least(coalesce(ended_at, (start_date + 60)::timestamp), now())
     FROM bench_placement`,
  );
  await client.query(
    `INSERT INTO "PlacementChange" ("id", "placementId", "changedById", "before", "after", "createdAt")
     SELECT gen_random_uuid(), id, line_manager_id, jsonb_build_object('hoursPerWeek', greatest(hours - 7.5, 7.5)), jsonb_build_object('hoursPerWeek', hours), (start_date + 60)::timestamp + interval '11 hours'
     FROM bench_placement WHERE changed`,
  );
  await client.query(
    `INSERT INTO "OnboardingPlan" ("id", "placementId", "templateId", "reason", "createdById", "createdAt")
     SELECT p.plan_id, p.id, t.id, 'JOINING'::"PlanReason", p.team_manager_id, least((p.start_date - 21)::timestamp + interval '9 hours', now() - interval '2 days')
     FROM bench_placement p JOIN "OnboardingTemplate" t ON t.name LIKE 'Trust onboarding: %' AND t."serviceType" = p.service_type
     UNION ALL
     SELECT p.change_plan_id, p.id, t.id, 'ARRANGEMENTS_CHANGE'::"PlanReason", p.line_manager_id, (p.start_date + 60)::timestamp + interval '11 hours'
     FROM bench_placement p JOIN "OnboardingTemplate" t ON t.name = $1
     WHERE p.changed`,
    [TRUST_CHANGE_TEMPLATE],
  );
  // Every task, with its owner and due date as startPlan gives them, the plan's creation and a stable hash h (0-99) that picks its status.
  await client.query(
    `CREATE TEMP TABLE bench_task ON COMMIT DROP AS
     WITH source AS (
       SELECT p.id AS placement_id, p.plan_id, p.start_date AS from_date, pl."createdAt" AS created_at, p.hr_id AS plan_hr_id,
         tt.section, tt.title, tt.description, tt."ownerRole" AS owner_role, tt."offsetDays" AS offset_days, tt.required, false AS removed
       FROM bench_placement p JOIN "OnboardingPlan" pl ON pl.id = p.plan_id JOIN "OnboardingTemplateTask" tt ON tt."templateId" = pl."templateId"
       UNION ALL
       SELECT p.id, p.change_plan_id, p.start_date + 60, pl."createdAt", NULL::uuid, tt.section, tt.title, tt.description, tt."ownerRole", tt."offsetDays", tt.required, false
       FROM bench_placement p JOIN "OnboardingPlan" pl ON pl.id = p.change_plan_id JOIN "OnboardingTemplateTask" tt ON tt."templateId" = pl."templateId"
       UNION ALL
       SELECT p.id, p.plan_id, p.start_date, least((p.start_date + 5)::timestamp + interval '10 hours', now() - interval '1 day'), p.hr_id,
         a.section::"TaskSection", a.title, '', a.owner::"TaskOwnerRole", a.offset_days, false, a.k = 2 AND p.n % 10 = 5
       FROM bench_placement p CROSS JOIN unnest($1::text[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY a(section, title, owner, offset_days, k)
       WHERE p.slot < 2
     ), owned AS (
       SELECT s.*, p.user_id, p.line_manager_id, p.start_date, p.ended_at, p.working_days,
         CASE s.owner_role WHEN 'MANAGER' THEN p.line_manager_id WHEN 'PEER_WORKER' THEN p.user_id WHEN 'HR' THEN s.plan_hr_id
           WHEN 'SUPERVISOR' THEN coalesce(p.peer_supervisor_id, p.line_manager_id) ELSE p.line_manager_id END AS owner_id,
         due.d AS due_on, abs(hashtext(s.plan_id::text || s.title)) % 100 AS h
       FROM source s JOIN bench_placement p ON p.id = s.placement_id
       CROSS JOIN LATERAL (
         SELECT x.d FROM generate_series(0, 6) k
         CROSS JOIN LATERAL (SELECT s.from_date + s.offset_days + k * (CASE WHEN s.offset_days < 0 THEN -1 ELSE 1 END) AS d) x
         WHERE CASE WHEN s.owner_role = 'PEER_WORKER' THEN (ARRAY['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'])[extract(isodow FROM x.d)::int]::"Weekday" = ANY (p.working_days)
           ELSE extract(isodow FROM x.d) < 6 END
         ORDER BY k LIMIT 1
       ) due
     )
     SELECT gen_random_uuid() AS id, o.*,
       (CASE
         WHEN o.removed THEN 'NOT_STARTED'
         WHEN o.ended_at IS NOT NULL THEN (CASE WHEN o.due_on < o.ended_at::date AND o.h < 95 THEN 'COMPLETED' ELSE 'NOT_STARTED' END)
         WHEN o.due_on < current_date - 14 THEN (CASE WHEN o.h < 88 THEN 'COMPLETED' WHEN o.h < 93 THEN 'IN_PROGRESS' WHEN o.h < 97 THEN 'NOT_STARTED' ELSE 'CANNOT_START' END)
         WHEN o.due_on < current_date THEN (CASE WHEN o.h < 50 THEN 'COMPLETED' WHEN o.h < 75 THEN 'IN_PROGRESS' WHEN o.h < 95 THEN 'NOT_STARTED' ELSE 'CANNOT_START' END)
         ELSE (CASE WHEN o.h < 8 THEN 'COMPLETED' WHEN o.h < 23 THEN 'IN_PROGRESS' WHEN o.h < 98 THEN 'NOT_STARTED' ELSE 'CANNOT_START' END)
       END)::"TaskStatus" AS status
     FROM owned o`,
    columns(ADDED_TASKS),
  );
  await client.query(
    `INSERT INTO "OnboardingTask" ("id", "planId", "section", "title", "description", "ownerRole", "ownerId", "dueOn", "required", "status", "cannotStartReason",
       "completedAt", "completedById", "removedAt", "removedById", "version", "createdAt", "updatedAt")
     SELECT t.id, t.plan_id, t.section, t.title, t.description, t.owner_role, t.owner_id, t.due_on, t.required, t.status,
       CASE WHEN t.status = 'CANNOT_START' THEN (ARRAY['Waiting for the trust induction, which this needs first.', 'The IT service desk has a backlog: the request is logged.', 'Waiting for a place on the next course.'])[1 + t.h % 3] END,
       c.at, CASE WHEN t.status = 'COMPLETED' THEN t.owner_id END,
       CASE WHEN t.removed THEN least((t.start_date + 20)::timestamp + interval '10 hours', now() - interval '1 hour') END, CASE WHEN t.removed THEN t.line_manager_id END,
       CASE WHEN t.status = 'NOT_STARTED' AND NOT t.removed THEN 1 ELSE 2 END, t.created_at, coalesce(c.at, t.created_at)
     FROM bench_task t
     CROSS JOIN LATERAL (SELECT CASE WHEN t.status = 'COMPLETED' THEN greatest(t.created_at, least(t.due_on::timestamp + interval '15 hours' - (CASE WHEN t.offset_days < 0 THEN interval '1 day' ELSE interval '0 days' END), now() - interval '1 hour')) END AS at) c`,
  );
  await client.query(
    `INSERT INTO "OnboardingTaskNote" ("id", "taskId", "authorId", "text", "createdAt")
     SELECT gen_random_uuid(), t.id, t.user_id,
       (ARRAY['Two modules left; asked for protected time to finish them.', 'Went well. I want to go back with the people I support.', 'Felt nervous about this one: talk it over in supervision.'])[1 + t.h % 3],
       greatest(t.created_at, least(t.due_on::timestamp - interval '2 days', now() - interval '1 hour'))
     FROM bench_task t
     WHERE t.owner_role = 'PEER_WORKER' AND t.status IN ('IN_PROGRESS', 'COMPLETED') AND NOT t.removed AND t.h % 4 = 0`,
  );
  // Accepted with the facts parity judges (lib/onboarding/rules.ts parityIssues), so that they hold.
  await client.query(
    `INSERT INTO "ParityAcceptance" ("id", "placementId", "key", "facts", "reason", "acceptedById", "createdAt")
     SELECT gen_random_uuid(), p.id, a.key, a.facts, a.reason, p.line_manager_id, least((p.start_date + 14)::timestamp + interval '12 hours', now() - interval '1 hour')
     FROM bench_placement p
     CROSS JOIN LATERAL (
       SELECT 'contract' AS key, p.contract_type::text || '<' || (p.working ->> 'contractType') AS facts, 'They asked for this contract; we look at it again at each review.' AS reason
       WHERE ${contractRank('p.contract_type::text')} < ${contractRank("p.working ->> 'contractType'")}
       UNION ALL
       SELECT 'band', p.band::text || '<' || b.band, 'Agreed with HR while they complete the training the band needs.'
       FROM (SELECT substring(p.working ->> 'payBand' FROM '(?:^|\\D)([1-9])(?:\\D|$)') AS band) b
       WHERE p.band IS NOT NULL AND b.band IS NOT NULL AND p.band < b.band::int
       UNION ALL
       SELECT 'hours', trim_scale(p.hours)::text || '<' || (p.working ->> 'hoursPerWeek'), 'Fewer hours, at their request.'
       WHERE jsonb_typeof(p.working -> 'hoursPerWeek') = 'number' AND p.hours < (p.working ->> 'hoursPerWeek')::numeric
       UNION ALL
       SELECT 'meeting:' || m.id, m.day::text || ' ' || m.time || ' ' || (CASE WHEN m.main THEN 'main' ELSE '' END) || ' works:' || w.days,
         'They join by phone, or read the notes and bring anything to the next one.'
       FROM "TeamMeeting" m CROSS JOIN (SELECT string_agg(d::text, ',' ORDER BY d::text COLLATE "C") AS days FROM unnest(p.working_days) d) w
       WHERE m."teamId" = p.team_id AND NOT (m.day = ANY (p.working_days))
       UNION ALL
       SELECT 'peer-supervisor', 'none', 'They have peer supervision through the trust peer support network meanwhile.' WHERE p.peer_supervisor_id IS NULL
     ) a
     WHERE p.slot < 2 AND p.n % 4 = 0`,
  );
  await client.query(
    `CREATE TEMP TABLE bench_wellbeing ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, n, user_id, line_manager_id, peer_supervisor_id, least((start_date + 10)::timestamp + interval '16 hours', now() - interval '1 hour') AS written_at
     FROM bench_placement WHERE slot < 2 AND abs(hashtext(user_id::text)) % 5 = 0`,
  );
  await client.query(
    `INSERT INTO "WellbeingPlan" ("id", "userId", "keepsMeWell", "earlySigns", "whatHelps", "whoToContact", "updatedAt")
     SELECT id, user_id, 'A proper lunch break; walking to work; knowing what my week looks like.', 'I stop answering messages and work through my breaks.',
       'A quiet check-in, not in front of the team; time to debrief after a hard session.', 'My peer supervisor, then my line manager.', written_at
     FROM bench_wellbeing`,
  );
  await client.query(
    `INSERT INTO "WellbeingShare" ("id", "planId", "sharedWithId", "createdAt", "revokedAt")
     SELECT gen_random_uuid(), w.id, s.who, w.written_at, CASE WHEN (w.n + s.k) % 4 = 0 THEN least(w.written_at + interval '30 days', now()) END
     FROM bench_wellbeing w CROSS JOIN LATERAL (VALUES (1, w.line_manager_id), (2, CASE WHEN w.n % 2 = 0 THEN w.peer_supervisor_id END)) s(k, who)
     WHERE s.who IS NOT NULL`,
  );
}

export async function fillTrust(databaseUrl, scale, log = console.log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Team" WHERE name LIKE 'Trust team %'`);
    if (rows[0].n > 0) {
      // Filled before notifications, recruitment or onboarding existed: add what is missing alone.
      const { rows: outbox } = await client.query(`SELECT EXISTS (SELECT 1 FROM "OutboxEmail") AS filled`);
      const notifications = !outbox[0].filled;
      const recruitment = !(await recruitmentFilled(client));
      const onboarding = !(await onboardingFilled(client));
      if (!notifications && !recruitment && !onboarding) return false;
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
      if (onboarding) {
        const { placements, onboardingTasks } = sizesAt(scale);
        log(`Adding onboarding to the filled trust at scale ${scale}: ${JSON.stringify({ placements, onboardingTasks })}`);
        await fillOnboarding(client);
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
    await fillOnboarding(client);
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
