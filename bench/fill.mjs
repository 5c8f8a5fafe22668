// Fills a migrated, seeded database with a trust's data, in bulk SQL (seconds,
// not minutes; supervision's rows are built here, to encrypt each under its own
// id, and sent a few thousand to a statement): at scale 1, 500 teams, 5,000 people, 1,000 roles with 5,000
// versions, 2,000 expectations checks with about 40,000 answers, 200,000
// audit events, a notification and an outbox email for each review
// invitation, and recruitment: 200 vacancies with a person specification each,
// 4,000 candidates and about 60,000 scores, onboarding: 1,500 placements
// with about 40,000 tasks, and supervision: 990 agreements with 100,011 sessions
// (notes, comments and actions encrypted), 20,000 check-ins and 2,000 library
// entries; at scale 0.1, a tenth of each. HR
// (hr@peerroles.test) is asked to review every role in review, as the default
// agreement policy needs, so their Requests page grows with the trust, and sits
// on half the trust's recruitment panels (the demo peer worker on a quarter);
// HR owes the HR onboarding tasks of half the placements, the demo manager
// line-manages a twentieth of them and the demo peer worker peer-supervises a tenth.
// The demo peer worker peer-supervises a tenth of the supervision agreements and
// reviews the library's proposals; the demo manager line-manages a twentieth.
// Idempotent: a filled database is left as it is; one filled before
// notifications, recruitment, onboarding or supervision existed gets those alone.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';

import { BENCH_NOTES_KEYS_FILE, benchNotesKeys, ROOT } from './app.mjs';

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
    ...supervisionSizes(teams),
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

// ---- Supervision (issue 12) ----

/**
 * Supervision in the trust. An agreement on every current placement (scale 1:
 * 1,000) but one in a hundred, line-managed by the demo manager, that waits for
 * one; each has line management every 4 weeks from the line manager, peer
 * supervision every 2 weeks from the peer supervisor where the placement names
 * one, and clinical supervision every 4 weeks or group reflective practice
 * every 2 weeks from a non-peer colleague in the team (two agreements in three,
 * and every one without a peer supervisor). Each type has two years of
 * sessions, as often as it says, its last held so that 70% are on time, 10%
 * due soon and 20% overdue. The agreements run longer than most placements
 * (fillOnboarding starts them within the last year): only the volume and the
 * spread matter here. Sessions have notes of a supervisor's usual length
 * (written from the topics discussed) and one to three topics from the
 * catalogue; the supervisor records most, the peer worker some; all but the
 * latest few are co-signed by the other party, and about 1% of co-signed
 * records have an amendment (a further session row naming them). One session
 * in twenty has a comment, one in five an action (about 20,000), open while it
 * is recent and then mostly done, some carried over, a few dropped. Notes, who
 * else attended, comments and actions are encrypted by lib/supervision/crypto.ts itself under
 * the bench's key (bench/app.mjs benchNotesKeys), each bound to its record id.
 *
 * Check-ins: 20,000 over two years from the trust's peer workers, each
 * answering about every six weeks, some with a session. Every twentieth team
 * has five more peer workers (seven: above the small-numbers threshold of 5
 * every quarter) and every twentieth from the tenth three more (five: just
 * at it), placed as the check-in action requires (placeExtraPeerWorkers);
 * the others, with two, stay below it. Like the sessions, most of the trust's
 * check-ins are older than the placements fillOnboarding dates within the last
 * year. Library: 2,000 entries by peer
 * workers in agreements, 70% published (reviewed by a peer supervisor), 15%
 * proposed, 10% withdrawn, 5% declined, two in five to the organisation, the
 * rest to the team, with tags; some themes are about boundaries.
 *
 * The demo peer worker peer-supervises a tenth of the agreements and the
 * demo manager line-manages a twentieth (fillOnboarding names them), so their
 * supervision pages and the library's review queue grow with the trust.
 */
export const SUPERVISION = {
  checkIns: 20_000,
  libraryEntries: 2_000,
  /** Days the sessions go back. */
  spanDays: 738,
  types: {
    LINE_MANAGEMENT: { everyWeeks: 4, minutes: 45 },
    PEER: { everyWeeks: 2, minutes: 60 },
    CLINICAL: { everyWeeks: 4, minutes: 60 },
    GROUP_REFLECTIVE: { everyWeeks: 2, minutes: 90 },
  },
  /** Extra peer workers in team number tn, so that some teams reach the check-in threshold. */
  extraPeerWorkers: (tn) => (tn % 20 === 0 ? 5 : tn % 20 === 10 ? 3 : 0),
};

const TYPE_INDEX = { LINE_MANAGEMENT: 0, PEER: 1, CLINICAL: 2, GROUP_REFLECTIVE: 3 };
const DAY_MS = 24 * 60 * 60 * 1000;

/** A stable pseudo-random number in [0, modulo) from a few integers: the same plan every run, and in sizesAt. */
function mix(modulo, ...parts) {
  let x = 0x811c9dc5;
  for (const part of parts) {
    x = Math.imul(x ^ (part & 0xffff), 0x01000193);
    x = Math.imul(x ^ (part >>> 16), 0x01000193);
  }
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 12;
  x = Math.imul(x, 0x297a2d39);
  x ^= x >>> 15;
  return (x >>> 0) % modulo;
}

/** Whether current placement n has a peer supervisor, as fillOnboarding names one (the demo peer worker for one in ten, none for one in seven of the rest). */
const hasPeerSupervisor = (n) => n % 10 === 0 || n % 7 !== 0;

/** The types of supervision in placement n's agreement, or null for the placements that wait for one. */
function arrangementTypes(n, peer) {
  if (n % 100 === 40) return null;
  const types = ['LINE_MANAGEMENT'];
  if (peer) types.push('PEER');
  if (n % 3 !== 0 || !peer) types.push(n % 2 === 0 ? 'CLINICAL' : 'GROUP_REFLECTIVE');
  return types;
}

/** Days before today each session of an arrangement was held, newest first: the last so that 70% are on time, 10% due soon, 20% overdue. */
function sessionDays(n, type) {
  const ti = TYPE_INDEX[type];
  const gap = SUPERVISION.types[type].everyWeeks * 7;
  const h = mix(10_000, n, ti, 9999);
  const last = h % 10 < 7 ? 1 + (h % (gap - 8)) : h % 10 === 7 ? gap - 7 + (h % 8) : gap + 1 + (h % 30);
  const days = [];
  for (let k = 0; last + k * gap <= SUPERVISION.spanDays; k++) days.push(k === 0 ? last : last + k * gap + mix(5, n, ti, k) - 2);
  return days;
}

/** What happens to session k of an arrangement: who records it, whether it is co-signed, amended, commented on, has an action. */
function sessionFate(n, type, k) {
  const h = mix(100_000, n, TYPE_INDEX[type], k, 1);
  const cosigned = !((k === 0 && h % 3 === 0) || h % 50 === 1);
  return {
    h,
    byPeerWorker: type !== 'GROUP_REFLECTIVE' && h % 7 === 0,
    cosigned,
    amended: cosigned && k > 0 && h % 97 === 0,
    comment: h % 20 === 3,
    action: h % 5 === 0,
  };
}

/** Agreements, arrangements, sessions (with amendments), comments and actions of a trust of `teams` teams. */
function supervisionSizes(teams) {
  const sizes = { agreements: 0, arrangements: 0, sessions: 0, amendments: 0, comments: 0, actions: 0 };
  for (let slot = 0; slot < 2; slot++) {
    for (let tn = 1; tn <= teams; tn++) {
      const n = slot * teams + tn;
      const types = arrangementTypes(n, hasPeerSupervisor(n));
      if (!types) continue;
      sizes.agreements += 1;
      for (const type of types) {
        sizes.arrangements += 1;
        sessionDays(n, type).forEach((_day, k) => {
          const fate = sessionFate(n, type, k);
          sizes.sessions += 1;
          if (fate.amended) sizes.amendments += 1;
          if (fate.comment) sizes.comments += 1;
          if (fate.action) sizes.actions += 1;
        });
      }
    }
  }
  let extra = 0;
  for (let tn = 1; tn <= teams; tn++) extra += SUPERVISION.extraPeerWorkers(tn);
  const scale = teams / SIZES.teams;
  return {
    supervisionAgreements: sizes.agreements,
    supervisionArrangements: sizes.arrangements,
    supervisionSessions: sizes.sessions + sizes.amendments,
    amendments: sizes.amendments,
    supervisionComments: sizes.comments,
    supervisionActions: sizes.actions,
    checkIns: Math.round(SUPERVISION.checkIns * scale),
    checkInPeerWorkers: 2 * teams + extra,
    /** The extra peer workers' placements, and their plans' tasks (all done). */
    extraPlacements: extra,
    extraOnboardingTasks: extra * ONBOARDING.joiningTasks,
    libraryEntries: Math.round(SUPERVISION.libraryEntries * scale),
  };
}

// What a supervisor writes: an opening by type, a sentence or two for each topic discussed, a close.
const NOTE_OPENINGS = {
  PEER: [
    'Peer supervision. We started with how the last fortnight has felt rather than what has been done.',
    'Peer supervision, in person at the base. They arrived with a clear list of things they wanted to think through.',
    'Peer supervision by video this time. We checked in on energy levels first: a busy week, but a good one.',
  ],
  LINE_MANAGEMENT: [
    'Line management. We went through the diary for the coming month and the training record.',
    'Line management meeting. We looked at the work of the last month against the role description.',
    'Line management. A shorter meeting than usual; we kept to the agreed agenda.',
  ],
  CLINICAL: [
    'Clinical supervision. We reflected on the work with two of the people they support, without going into detail here.',
    'Practice supervision. We used the time to think about where peer support fits alongside the care plans in the team.',
    'Clinical supervision. They brought one piece of work they had found difficult to think about together.',
  ],
  GROUP_REFLECTIVE: [
    'Group reflective practice. The group chose its theme at the start, as agreed.',
    'Reflective practice group. Attendance was good; the group revisited the theme from last time.',
    'Group reflective practice, facilitated as usual. The group used a case discussion format with all details removed.',
  ],
};

const NOTE_TOPICS = {
  'lived-experience': [
    'We talked about when drawing on their own experience helps the person in front of them and when it shifts the focus back to themselves. They have a clear sense of the difference and could give examples.',
    'They described using their lived experience to explain what it felt like to wait for an appointment. We thought about how to keep that purposeful and brief.',
    'They asked whether it is ever right to say nothing about their own experience. We agreed it often is, and that choosing not to share is also a skill.',
  ],
  'sharing-story': [
    'We went over what they are comfortable sharing of their story and what they keep private. They want to review this again in three months.',
    'They had shared more of their story than they intended in a group and felt exposed afterwards. We talked about how to step back gracefully and what support they needed that day.',
    'We practised a short version of their story for a new group, focused on hope rather than on the hardest times.',
  ],
  'own-boundaries': [
    'Boundaries: they noticed they had been answering messages in the evening. We agreed they will use the out-of-hours message and hand anything urgent to the duty worker.',
    'We talked about the boundaries they set for themselves and how these differ from the rules the team uses. Their boundaries are thoughtful and they are comfortable explaining them.',
    'They found it hard to end a piece of work with someone they had supported for months. We thought about endings as part of peer support rather than a failure of it.',
  ],
  'role-clarity': [
    'Role clarity: some colleagues still ask them to do things that belong to other roles. We looked at the role description together and at how to say no kindly.',
    'They feel clearer about the role than a few months ago. The team meeting now hears a peer perspective most weeks.',
    'We discussed the difference between peer support and befriending, and how to explain it to people who are new to the service.',
  ],
  'team-relationships': [
    'Relationships in the team are mostly good. They feel listened to in the team meeting but less so in informal conversations, and will raise this at the next team day.',
    'They described a disagreement with a colleague about how to record a contact. We talked about how to raise it directly and what to do if that does not settle it.',
    'The team has welcomed a new colleague and they have offered to explain peer support to them.',
  ],
  'outside-role': [
    'They were asked to cover reception when the team was short. We agreed this is outside the peer role and the manager will pick it up with the duty rota.',
    'They were asked to escort someone to an appointment on their own. We went back to the role description and the lone working policy together.',
    'We talked about the pressure to act as a junior clinician when the team is stretched, and how to hold on to what makes peer support distinctive.',
  ],
  wellbeing: [
    'Wellbeing: they are sleeping better and have been taking their full lunch break. We checked their wellbeing plan is still accurate.',
    'They have had a tiring month. We agreed a lighter week next week and a check-in halfway through.',
    'We talked about what helps them recover after a difficult conversation, and made time for it in the diary.',
  ],
  training: [
    'Training: the peer support training is booked and their mandatory modules are up to date. They would like to do the WRAP facilitator course this year.',
    'They want to develop group facilitation skills. We looked at the recovery college programme for a course they could co-facilitate.',
    'We reviewed their progress against the competence framework and picked two areas to focus on next.',
  ],
  caseload: [
    'Caseload: they are supporting a manageable number of people. Two pieces of work are coming to an end, and we talked about taking on new referrals gradually.',
    'Their caseload has grown faster than planned. We agreed to pause new referrals for a fortnight.',
    'We went through the people they support at a general level, looking at how long each piece of work has been going and what the person wants next.',
  ],
  safeguarding: [
    'Safeguarding: they raised a worry during the month and followed the procedure, telling the duty worker the same day. We reflected on how that felt and what they learned.',
    'We went over the safeguarding procedure again and who to go to in the team. They feel confident using it.',
    'They asked about sharing a worry while keeping trust with the person they support. We talked about being open with the person that a worry will be shared.',
  ],
  other: [
    'Other business: they would like to be involved in the team’s work with people who use the service to improve the waiting room.',
    'We discussed the peer support network meeting and what they might bring to it.',
    'They asked about the arrangements for annual leave over the holiday period.',
  ],
};

const NOTE_CLOSINGS = [
  'We agreed to come back to this next time.',
  'Actions agreed as below. Next session as planned.',
  'They left feeling clearer about the next few weeks.',
  'Nothing further this time.',
];

/** Session notes of a supervisor's usual length, from the type and topics. */
function sessionNote(type, topics, h) {
  const parts = [NOTE_OPENINGS[type][h % 3]];
  topics.forEach((topic, i) => {
    const pool = NOTE_TOPICS[topic] ?? NOTE_TOPICS.other;
    parts.push(pool[(h >>> (2 + i)) % pool.length]);
    if ((h >>> (5 + i)) % 3 === 0) parts.push(pool[((h >>> (2 + i)) + 1) % pool.length]);
  });
  parts.push(NOTE_CLOSINGS[(h >>> 9) % NOTE_CLOSINGS.length]);
  return parts.join(' ');
}

const TOPICS_BY_TYPE = {
  PEER: ['lived-experience', 'sharing-story', 'own-boundaries', 'role-clarity', 'wellbeing', 'outside-role'],
  LINE_MANAGEMENT: ['caseload', 'training', 'wellbeing', 'role-clarity', 'team-relationships'],
  CLINICAL: ['safeguarding', 'caseload', 'outside-role', 'own-boundaries'],
  GROUP_REFLECTIVE: ['lived-experience', 'team-relationships', 'sharing-story', 'other'],
};

function sessionTopics(type, h) {
  const pool = TOPICS_BY_TYPE[type];
  const count = 1 + (h % 3);
  const start = (h >>> 3) % pool.length;
  return Array.from({ length: count }, (_, i) => pool[(start + i * 2) % pool.length]).filter((topic, i, all) => all.indexOf(topic) === i);
}

const AMENDMENT_NOTES = [
  'Amendment, agreed by both of us: the record said the training was booked; it is on the waiting list. Everything else stands.',
  'Amendment: the peer worker asked for the paragraph about the team meeting to say that they raised the issue themselves, which is right.',
  'Amendment, at the peer worker’s request: the agreed action on boundaries was to use the out-of-hours message, not to stop evening work altogether.',
];

const COMMENTS = {
  peerWorker: [
    'A fair record. I would add that I felt more confident by the end than this suggests.',
    'Agreed. The training date has moved, so I will update the action next time.',
    'Fair record. I would like us to come back to the part about the team meeting.',
  ],
  supervisor: [
    'Added after the session: the guidance we talked about is on the peer network’s shared drive.',
    'One thing I forgot to write down: well done on the group last week, it was noticed.',
  ],
};

const ACTIONS = {
  peerWorker: [
    'Read the trust’s guidance on sharing lived experience and bring questions next time',
    'Book a place on the WRAP facilitator course',
    'Update my wellbeing plan and share it with my line manager',
    'Use the out-of-hours message from Monday and hand urgent messages to duty',
    'Write a short reflection on the group for the peer support network',
    'Ask the team meeting for ten minutes to explain what peer support is and is not',
    'Finish the two remaining mandatory training modules',
  ],
  supervisor: [
    'Raise the reception cover with the duty rota and take peer workers off it',
    'Find a co-facilitator for the hearing voices group',
    'Check the lone working arrangements for community visits',
    'Arrange protected time for the peer support training',
    'Send the competence framework self-assessment',
  ],
};

/** Twelve themes of reflection, each with three versions of every part, so that 2,000 entries are not all alike. */
const LIBRARY_THEMES = [
  {
    tags: ['boundaries', 'endings'],
    title: ['Ending well after a long piece of work', 'When it is time to stop meeting', 'Endings as part of peer support'],
    situation: ['Someone I had supported for several months wanted to keep meeting after our agreed sessions ended.', 'A piece of work was coming to an end and the person was worried about managing without it.', 'A person asked whether we could stay in touch once the support finished.'],
    did: ['I talked about the ending from our first session and marked it with the person, looking back at what had changed.', 'I was honest that the support would end, and we planned together what would help afterwards.', 'I explained my boundaries kindly and helped them link with a peer group that would carry on.'],
    learned: ['Endings go better when they are named at the start; a good ending is part of the work, not a failure of it.', 'Holding a boundary can be an act of care when it is explained.', 'I need support myself around endings, and supervision is the place for it.'],
  },
  {
    tags: ['boundaries', 'out of hours'],
    title: ['Messages in the evening', 'Keeping work at work', 'When my phone kept buzzing'],
    situation: ['People I support had started to message me in the evenings and at weekends.', 'I noticed I was answering work messages late at night and felt I could not stop.', 'A person was in distress out of hours and messaged me rather than the crisis line.'],
    did: ['I set up an out-of-hours message with the numbers to call and explained it at our next session.', 'I talked it through in peer supervision and we agreed a plan I could keep to.', 'I made sure they were safe through the right service and talked with them afterwards about who to contact out of hours.'],
    learned: ['Clear boundaries protect the person as well as me: they know what to expect.', 'Being available all the time is not the same as being helpful.', 'My own wellbeing plan needs to include how I switch off.'],
  },
  {
    tags: ['lived experience', 'sharing my story'],
    title: ['Sharing a little, at the right moment', 'Deciding what of my story to share', 'Using my experience on purpose'],
    situation: ['A person felt nobody could understand what the waiting was like.', 'In a group, someone asked me directly about my own time in hospital.', 'A person felt ashamed about needing help again.'],
    did: ['I shared briefly that I had waited too, and what had helped me, then turned back to them.', 'I answered honestly but briefly, and kept the focus on the group.', 'I said that needing help again had been part of my recovery too.'],
    learned: ['A short story at the right moment can shift a conversation without taking it over.', 'I can choose what to share; not sharing is a choice too.', 'Purposeful sharing is about the other person, and I check that with myself first.'],
  },
  {
    tags: ['role clarity', 'team'],
    title: ['Explaining peer support to a new colleague', 'What peer support is, and is not', 'Finding my place in the team meeting'],
    situation: ['A new colleague assumed I was a support worker and asked me to do tasks from their list.', 'The team was unsure when to refer to peer support.', 'I felt my view was not heard in the team meeting.'],
    did: ['I explained the peer role using the role description and offered to come to their next supervision.', 'I wrote a one-page guide with the team about what peer support offers.', 'I asked the chair for a regular slot to bring a peer perspective.'],
    learned: ['People are usually glad to understand the role; it helps to have the description to hand.', 'Clarity about the role protects what makes it distinctive.', 'Asking for a space works better than waiting to be invited.'],
  },
  {
    tags: ['outside the peer role', 'boundaries'],
    title: ['Asked to cover reception', 'When the team is short-staffed', 'Saying no to a clinical task'],
    situation: ['I was asked to cover reception because the team was short.', 'I was asked to sit with someone on observations.', 'A colleague asked me to persuade someone to take their medication.'],
    did: ['I said this was outside the peer role and offered what I could do instead, then raised it with my manager.', 'I explained why it would change my relationship with the person and suggested who could help.', 'I said I could talk with the person about their own choices, but not persuade them.'],
    learned: ['Saying no is easier with the role description agreed by everyone.', 'Holding the line on the role keeps peer support from becoming a junior clinical role.', 'Boundaries I set for myself are stronger when the team understands them.'],
  },
  {
    tags: ['hope', 'team culture'],
    title: ['Holding hope when a colleague did not', 'Hope in the team meeting', 'Speaking up for recovery'],
    situation: ['A colleague spoke about a person as if recovery were not possible for them.', 'The team was discouraged after a difficult week.', 'A discussion in the team meeting focused only on risk.'],
    did: ['I shared, briefly, what hope from others had meant to me, and asked what the person wanted.', 'I suggested we start the next meeting with something that had gone well.', 'I asked what the person themselves hoped for.'],
    learned: ['Hope can be offered without arguing; a question can do more than a speech.', 'Teams need reminding of recovery as much as the people they support.', 'A peer perspective is most useful when it is offered as a question.'],
  },
  {
    tags: ['wellbeing', 'self-care'],
    title: ['Noticing my own early signs', 'Looking after myself in a demanding role', 'Rest after a hard week'],
    situation: ['I noticed I was working through my breaks and sleeping badly.', 'Several difficult conversations in one week left me drained.', 'A session brought back memories of my own experience.'],
    did: ['I used my wellbeing plan and talked to my peer supervisor the same week.', 'I asked for a lighter day and took a proper break.', 'I stepped out for a few minutes, then came back, and talked it through in supervision.'],
    learned: ['My wellbeing plan works best when I use it early.', 'Rest is part of the job, not a reward for finishing it.', 'Being affected by the work does not mean I cannot do it.'],
  },
  {
    tags: ['groups', 'co-facilitation'],
    title: ['Co-facilitating a group for the first time', 'When a group went quiet', 'Sharing the room with a clinician'],
    situation: ['I co-facilitated a recovery group for the first time.', 'A group went silent after someone shared something painful.', 'In a group I ran with a nurse, people kept addressing questions to the nurse.'],
    did: ['We planned who would lead each part and debriefed afterwards.', 'I acknowledged the silence and gave people a choice about what came next.', 'I talked with my co-facilitator about sharing the lead more visibly.'],
    learned: ['Planning the roles in advance made it feel equal.', 'Silence is not always a problem; it can be respect.', 'Equal partnership has to be shown, not just agreed.'],
  },
  {
    tags: ['safeguarding', 'trust'],
    title: ['Sharing a worry and keeping trust', 'When I had to pass something on', 'Being open about safeguarding'],
    situation: ['A person told me something that meant I needed to share a worry with the team.', 'I was unsure whether something I heard was a safeguarding matter.', 'A person asked me to keep something from the team.'],
    did: ['I told the person what I would share and why, and followed the procedure the same day.', 'I talked it through with the duty worker, who helped me decide.', 'I explained what I can and cannot keep to myself, as I had at the start.'],
    learned: ['Being open about what I will share keeps trust better than silence.', 'I do not have to decide alone; the team is there for that.', 'Explaining confidentiality at the start makes the hard moments easier.'],
  },
  {
    tags: ['recording', 'role clarity'],
    title: ['Writing notes as a peer', 'Recording in the person’s own words', 'What goes in the record'],
    situation: ['I was unsure how to write notes that sounded like peer support rather than a clinical assessment.', 'A person asked to read what I had written about them.', 'A colleague wanted more detail in my notes than I felt was needed.'],
    did: ['I wrote in plain language, using the person’s own words for their goals.', 'I read the notes with them and changed one word they did not like.', 'I talked with my manager about what the team needs from peer support notes.'],
    learned: ['Notes can be useful and still sound like the relationship.', 'Writing as if the person will read it keeps the notes respectful.', 'Agreeing what the record is for helps everyone.'],
  },
  {
    tags: ['community', 'connections'],
    title: ['Reconnecting with the community', 'From the clinic to the allotment', 'Finding a group that fits'],
    situation: ['A person wanted to get out more but felt anxious about new places.', 'Someone had lost touch with activities they used to enjoy.', 'A person wanted to volunteer but did not know where to start.'],
    did: ['We went to a community group together for the first two weeks.', 'We made a list of what they used to enjoy and tried one thing each month.', 'I shared how I had started volunteering and we looked at options together.'],
    learned: ['Going alongside someone the first time can make the difference.', 'Small steps are still steps.', 'Peer support is often about the world outside services.'],
  },
  {
    tags: ['boundaries', 'friendship'],
    title: ['Peer support is not friendship', 'When someone wanted to be friends', 'Mutual, but not the same as friendship'],
    situation: ['A person I supported asked if we could be friends on social media.', 'I met someone I support in a local shop.', 'A person offered me a gift at the end of our work.'],
    did: ['I explained that I valued our relationship and why I keep work and personal life separate.', 'I said hello warmly and kept it brief, and we talked about it at our next session.', 'I thanked them and followed the team’s policy, explaining it kindly.'],
    learned: ['Mutuality in peer support has boundaries, and saying so is respectful.', 'Planning for chance meetings helps both of us.', 'Policies are easier to follow when I can explain the reason.'],
  },
];

/** A library entry from theme and versions picked by its number. */
function libraryEntry(j) {
  const theme = LIBRARY_THEMES[j % LIBRARY_THEMES.length];
  const v = (part, shift) => theme[part][Math.floor(j / LIBRARY_THEMES.length / shift) % 3];
  const extraTags = ['peer supervision', 'reflection', 'new in post', 'community team', 'groups'];
  return {
    title: v('title', 1),
    situation: v('situation', 3),
    whatIDid: v('did', 9),
    whatILearned: v('learned', 27),
    tags: [...theme.tags, ...(j % 3 === 0 ? [extraTags[j % extraTags.length]] : [])].filter((tag, i, all) => all.indexOf(tag) === i),
  };
}

const dateOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const timestampOf = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/**
 * Inserts `rows` (objects keyed by column) through unnest, one array a column,
 * `batchSize` rows a statement. `columns`: [name, array element type, optional
 * SQL expression turning the unnested value into the column's (an enum cast, a
 * text[] from a comma-joined list)].
 */
async function insertRows(client, table, columns, rows, batchSize = 5_000) {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const values = columns.map(([, , expression], i) => (expression ? expression(`c${i}`) : `c${i}`)).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${values} FROM unnest(${arrays}) AS u(${columns.map((_, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await client.query(sql, columns.map(([name]) => batch.map((row) => row[name] ?? null)));
  }
}

const enumOf = (type) => (column) => `${column}::"${type}"`;
const listOf = (column) => `string_to_array(${column}, ',')`;

const SESSION_COLUMNS = [
  ['id', 'uuid'], ['agreementId', 'uuid'], ['arrangementId', 'uuid'], ['type', 'text', enumOf('SupervisionType')], ['supervisorId', 'uuid'], ['peerWorkerId', 'uuid'],
  ['heldOn', 'date'], ['durationMinutes', 'int'], ['attendees', 'text'], ['topics', 'text', listOf], ['notes', 'text'], ['recordedById', 'uuid'],
  ['cosignedAt', 'timestamp'], ['cosignedById', 'uuid'], ['amendsId', 'uuid'], ['version', 'int'], ['createdAt', 'timestamp'],
];
const COMMENT_COLUMNS = [['id', 'uuid'], ['sessionId', 'uuid'], ['authorId', 'uuid'], ['text', 'text'], ['createdAt', 'timestamp']];
const ACTION_COLUMNS = [
  ['id', 'uuid'], ['agreementId', 'uuid'], ['sessionId', 'uuid'], ['ownerId', 'uuid'], ['text', 'text'], ['dueOn', 'date'],
  ['status', 'text', enumOf('SupervisionActionStatus')], ['doneAt', 'timestamp'], ['version', 'int'], ['createdAt', 'timestamp'],
];

/** Encrypts with lib/supervision/crypto.ts itself (through tsx), under the bench's key. */
async function noteCrypto(notesKeys) {
  const { encryptField, decryptField, parseKeyring } = await tsImport('../lib/supervision/crypto.ts', import.meta.url);
  const keyring = parseKeyring(notesKeys);
  return {
    encrypt: (text, table, recordId, field) => encryptField(text, { table, recordId, field }, keyring),
    decrypt: (value, table, recordId, field) => decryptField(value, { table, recordId, field }, keyring),
  };
}

/** Whether the trust's supervision is in (a database filled before supervision existed has none). */
async function supervisionFilled(client) {
  const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM "SupervisionAgreement" a JOIN "Team" t ON t.id = a."teamId" WHERE t.name LIKE 'Trust team %') AS filled`);
  return rows[0].filled;
}

/** The notes already in the database decrypt under the bench's key: a key file deleted without its databases would make every notes page fail. */
async function checkNotesKey(client, notesKeys) {
  const { rows } = await client.query(`SELECT id::text AS id, notes FROM "SupervisionSession" ORDER BY "createdAt" DESC LIMIT 1`);
  if (rows.length === 0) return;
  const { decrypt } = await noteCrypto(notesKeys);
  try {
    decrypt(rows[0].notes, 'SupervisionSession', rows[0].id, 'notes');
  } catch {
    throw new Error(`The bench database's supervision notes were encrypted under a key that ${path.relative(ROOT, BENCH_NOTES_KEYS_FILE)} no longer holds: delete .data/bench-postgres and .data/fault-postgres (or the BENCH_DATABASE_URL databases) with it and run again.`);
  }
}

/**
 * The extra peer workers check in as the app lets only placed peer workers do:
 * each is placed in their team, on its first peer support role's agreed
 * version, on the role's terms, working every weekday (so no meeting is on a
 * day off), with the team's systems, its manager as line manager and its first
 * peer worker as peer supervisor, since before the check-ins begin; their
 * joining plans, from their service type's template, are done. They have no
 * supervision agreement: their managers' lists show them waiting for one.
 */
async function placeExtraPeerWorkers(client) {
  await client.query(
    `CREATE TEMP TABLE bench_extra_placement ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS plan_id, u.id AS user_id, m."teamId" AS team_id, rv.id AS role_version_id, mgr."userId" AS manager_id, peer."userId" AS peer_id,
       hr.id AS hr_id, tpl.id AS template_id, current_date - $1::int - 60 AS start_date, rv.content -> 'working' AS working
     FROM "User" u JOIN "TeamMembership" m ON m."userId" = u.id JOIN "Team" t ON t.id = m."teamId"
     JOIN "Role" r ON r."teamId" = t.id AND r.title = 'Peer support worker 1' JOIN "RoleVersion" rv ON rv."roleId" = r.id AND rv.status = 'AGREED'
     JOIN "OnboardingTemplate" tpl ON tpl.name LIKE 'Trust onboarding: %' AND tpl."serviceType" = t."serviceType"
     CROSS JOIN LATERAL (SELECT "userId" FROM "TeamMembership" WHERE "teamId" = t.id AND role = 'MANAGER' ORDER BY "userId" LIMIT 1) mgr
     CROSS JOIN LATERAL (SELECT p."userId" FROM "TeamMembership" p JOIN "User" pu ON pu.id = p."userId" AND pu.email LIKE 'trust%' WHERE p."teamId" = t.id AND p.role = 'PEER_WORKER' ORDER BY p."userId" LIMIT 1) peer
     CROSS JOIN LATERAL (SELECT id FROM "User" WHERE email LIKE 'trust%@peerroles.test' AND "orgRole" = 'HR' ORDER BY email LIMIT 1) hr
     WHERE u.email LIKE 'peerworker.%@peerroles.test'`,
    [SUPERVISION.spanDays],
  );
  await client.query(
    `INSERT INTO "Placement" ("id", "userId", "teamId", "roleVersionId", "startDate", "contractType", "band", "hoursPerWeek", "workingDays", "lineManagerId", "peerSupervisorId",
       "createdById", "version", "createdAt", "updatedAt")
     SELECT id, user_id, team_id, role_version_id, start_date, coalesce(working ->> 'contractType', 'PERMANENT')::"ContractType",
       substring(working ->> 'payBand' FROM '(?:^|\\D)([1-9])(?:\\D|$)')::int, coalesce((working ->> 'hoursPerWeek')::numeric, 22.5),
       '{MON,TUE,WED,THU,FRI}', manager_id, peer_id, manager_id, 1, (start_date - 21)::timestamp + interval '9 hours', (start_date + 60)::timestamp
     FROM bench_extra_placement`,
  );
  await client.query(
    `INSERT INTO "SystemAccess" ("id", "userId", "system", "createdAt")
     SELECT gen_random_uuid(), p.user_id, s.system, (p.start_date - 1)::timestamp + interval '10 hours'
     FROM bench_extra_placement p CROSS JOIN (VALUES ('NHS email'), ('Shared drive'), ('RiO (electronic patient record)')) s(system)
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO "OnboardingPlan" ("id", "placementId", "templateId", "reason", "createdById", "createdAt")
     SELECT plan_id, id, template_id, 'JOINING', manager_id, (start_date - 21)::timestamp + interval '9 hours' FROM bench_extra_placement`,
  );
  await client.query(
    `INSERT INTO "OnboardingTask" ("id", "planId", "section", "title", "description", "ownerRole", "ownerId", "dueOn", "required", "status", "completedAt", "completedById",
       "version", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), p.plan_id, tt.section, tt.title, tt.description, tt."ownerRole", o.owner_id, p.start_date + tt."offsetDays", tt.required, 'COMPLETED',
       (p.start_date + tt."offsetDays")::timestamp + interval '15 hours', o.owner_id, 2, (p.start_date - 21)::timestamp + interval '9 hours', (p.start_date + tt."offsetDays")::timestamp + interval '15 hours'
     FROM bench_extra_placement p JOIN "OnboardingTemplateTask" tt ON tt."templateId" = p.template_id
     CROSS JOIN LATERAL (SELECT CASE tt."ownerRole" WHEN 'PEER_WORKER' THEN p.user_id WHEN 'HR' THEN p.hr_id WHEN 'SUPERVISOR' THEN p.peer_id ELSE p.manager_id END AS owner_id) o`,
  );
}

/** The trust's supervision (SUPERVISION above), inside the caller's transaction. */
async function fillSupervision(client, scale, notesKeys) {
  const { encrypt } = await noteCrypto(notesKeys);
  const now = Date.now();
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const notAfterNow = (ms, margin = 60 * 60 * 1000) => Math.min(ms, now - margin);
  /** Days ago, moved back off a weekend to the Friday. */
  const weekday = (daysAgo) => {
    const day = new Date(today - daysAgo * DAY_MS).getUTCDay();
    return daysAgo + (day === 6 ? 1 : day === 0 ? 2 : 0);
  };

  const { rows: placements } = await client.query(
    `WITH teams AS (SELECT id, row_number() OVER (ORDER BY name) AS tn, count(*) OVER () AS tc FROM "Team" WHERE name LIKE 'Trust team %')
     SELECT p.id, p."userId" AS user_id, p."teamId" AS team_id, p."lineManagerId" AS line_manager_id, p."peerSupervisorId" AS peer_supervisor_id,
       ((CASE WHEN r.title = 'Peer support worker 2' THEN 1 ELSE 0 END) * t.tc + t.tn)::int AS n
     FROM "Placement" p JOIN teams t ON t.id = p."teamId" JOIN "RoleVersion" rv ON rv.id = p."roleVersionId" JOIN "Role" r ON r.id = rv."roleId"
     WHERE p."endedAt" IS NULL ORDER BY n`,
  );
  const { rows: staffRows } = await client.query(
    `SELECT m."teamId" AS team_id, array_agg(m."userId"::text ORDER BY m."userId") AS ids, array_agg(u.name ORDER BY m."userId") AS names
     FROM "TeamMembership" m JOIN "User" u ON u.id = m."userId" JOIN "Team" t ON t.id = m."teamId" AND t.name LIKE 'Trust team %'
     WHERE m.role = 'STAFF' GROUP BY m."teamId"`,
  );
  const staffOf = new Map(staffRows.map((row) => [row.team_id, row]));

  // Agreements and their arrangements, dated from their first sessions.
  const agreements = [];
  const arrangements = [];
  const plans = [];
  for (const placement of placements) {
    const types = arrangementTypes(placement.n, placement.peer_supervisor_id !== null);
    if (!types) continue;
    const staff = staffOf.get(placement.team_id) ?? { ids: [placement.line_manager_id], names: [] };
    const agreementId = randomUUID();
    const typed = types.map((type) => {
      const days = sessionDays(placement.n, type).map(weekday);
      const supervisorId = { LINE_MANAGEMENT: placement.line_manager_id, PEER: placement.peer_supervisor_id, CLINICAL: staff.ids[0], GROUP_REFLECTIVE: staff.ids[1] ?? staff.ids[0] }[type];
      return { type, days, supervisorId, id: randomUUID(), startsOn: today - (days[days.length - 1] + mix(7, placement.n, TYPE_INDEX[type], 7)) * DAY_MS };
    });
    const createdAt = Math.min(...typed.map((arrangement) => arrangement.startsOn)) - 7 * DAY_MS + 10 * 60 * 60 * 1000;
    const signed = placement.n % 50 !== 7;
    agreements.push({
      id: agreementId, placementId: placement.id, peerWorkerId: placement.user_id, teamId: placement.team_id,
      signedByPeerWorkerAt: signed ? timestampOf(createdAt + 2 * DAY_MS) : null, createdById: placement.line_manager_id,
      version: signed ? 2 : 1, createdAt: timestampOf(createdAt), updatedAt: timestampOf(signed ? createdAt + 2 * DAY_MS : createdAt),
    });
    for (const arrangement of typed) {
      arrangements.push({
        id: arrangement.id, agreementId, type: arrangement.type, supervisorId: arrangement.supervisorId, everyWeeks: SUPERVISION.types[arrangement.type].everyWeeks,
        startsOn: dateOf(arrangement.startsOn), signedBySupervisorAt: signed ? timestampOf(createdAt + DAY_MS) : null, createdAt: timestampOf(createdAt),
      });
    }
    plans.push({ placement, agreementId, arrangements: typed, attendees: staff.names.slice(2, 5).join(', ') });
  }
  await insertRows(client, 'SupervisionAgreement', [
    ['id', 'uuid'], ['placementId', 'uuid'], ['peerWorkerId', 'uuid'], ['teamId', 'uuid'], ['signedByPeerWorkerAt', 'timestamp'], ['createdById', 'uuid'],
    ['version', 'int'], ['createdAt', 'timestamp'], ['updatedAt', 'timestamp'],
  ], agreements);
  await insertRows(client, 'SupervisionArrangement', [
    ['id', 'uuid'], ['agreementId', 'uuid'], ['type', 'text', enumOf('SupervisionType')], ['supervisorId', 'uuid'], ['everyWeeks', 'int'], ['startsOn', 'date'],
    ['signedBySupervisorAt', 'timestamp'], ['createdAt', 'timestamp'],
  ], arrangements);

  // Sessions, written out a few thousand at a time with their comments and actions; amendments once every record they amend is in.
  let sessions = [];
  let comments = [];
  let actions = [];
  const amendments = [];
  /** Each peer worker's sessions, [days ago, id], for check-ins and library entries to refer to. */
  const sessionsOf = new Map();
  const flush = async () => {
    await insertRows(client, 'SupervisionSession', SESSION_COLUMNS, sessions);
    await insertRows(client, 'SupervisionComment', COMMENT_COLUMNS, comments);
    await insertRows(client, 'SupervisionAction', ACTION_COLUMNS, actions);
    sessions = [];
    comments = [];
    actions = [];
  };
  const counts = { sessions: 0, amendments: 0, comments: 0, actions: 0 };
  for (const { placement, agreementId, arrangements: typed, attendees } of plans) {
    const peerWorkerId = placement.user_id;
    const own = [];
    for (const arrangement of typed) {
      for (const [k, daysAgo] of arrangement.days.entries()) {
        const fate = sessionFate(placement.n, arrangement.type, k);
        const { h } = fate;
        const id = randomUUID();
        const heldOn = today - daysAgo * DAY_MS;
        const recordedById = fate.byPeerWorker ? peerWorkerId : arrangement.supervisorId;
        const other = fate.byPeerWorker ? arrangement.supervisorId : peerWorkerId;
        const createdAt = notAfterNow(heldOn + (h % 4 === 0 ? 34 : 17) * 60 * 60 * 1000, 2 * 60 * 60 * 1000);
        const cosignedAt = fate.cosigned ? notAfterNow(Math.max(createdAt + 60_000, createdAt + (1 + (h % 3)) * DAY_MS)) : null;
        const topics = sessionTopics(arrangement.type, h);
        const row = {
          id, agreementId, arrangementId: arrangement.id, type: arrangement.type, supervisorId: arrangement.supervisorId, peerWorkerId,
          heldOn: dateOf(heldOn), durationMinutes: SUPERVISION.types[arrangement.type].minutes + (h % 4 === 1 ? 15 : 0),
          attendees: encrypt(arrangement.type === 'GROUP_REFLECTIVE' ? attendees : '', 'SupervisionSession', id, 'attendees'), topics: topics.join(','),
          notes: encrypt(sessionNote(arrangement.type, topics, h), 'SupervisionSession', id, 'notes'), recordedById,
          cosignedAt: cosignedAt === null ? null : timestampOf(cosignedAt), cosignedById: fate.cosigned ? other : null, amendsId: null,
          version: fate.cosigned ? 2 : 1, createdAt: timestampOf(createdAt),
        };
        sessions.push(row);
        counts.sessions += 1;
        own.push([daysAgo, id]);
        if (fate.amended) {
          const amendmentId = randomUUID();
          const amendedAt = notAfterNow(cosignedAt + 3 * DAY_MS);
          const amendmentSigned = h % 3 !== 0;
          amendments.push({
            ...row, id: amendmentId, amendsId: id, notes: encrypt(AMENDMENT_NOTES[h % AMENDMENT_NOTES.length], 'SupervisionSession', amendmentId, 'notes'),
            attendees: encrypt(arrangement.type === 'GROUP_REFLECTIVE' ? attendees : '', 'SupervisionSession', amendmentId, 'attendees'),
            createdAt: timestampOf(amendedAt), cosignedAt: amendmentSigned ? timestampOf(notAfterNow(amendedAt + DAY_MS, 30 * 60 * 1000)) : null,
            cosignedById: amendmentSigned ? other : null, version: amendmentSigned ? 2 : 1,
          });
          counts.amendments += 1;
        }
        if (fate.comment) {
          const commentId = randomUUID();
          const byPeerWorker = (h >>> 4) % 3 !== 0;
          const pool = byPeerWorker ? COMMENTS.peerWorker : COMMENTS.supervisor;
          comments.push({
            id: commentId, sessionId: id, authorId: byPeerWorker ? peerWorkerId : arrangement.supervisorId,
            text: encrypt(pool[(h >>> 6) % pool.length], 'SupervisionComment', commentId, 'text'), createdAt: timestampOf(notAfterNow(createdAt + DAY_MS, 30 * 60 * 1000)),
          });
          counts.comments += 1;
        }
        if (fate.action) {
          const actionId = randomUUID();
          const byPeerWorker = arrangement.type === 'PEER' || (h >>> 5) % 10 < 7;
          const pool = byPeerWorker ? ACTIONS.peerWorker : ACTIONS.supervisor;
          const dueOn = heldOn + ((h >>> 3) % 2 === 0 ? 14 : 28) * DAY_MS;
          const r = (h >>> 7) % 20;
          const status = dueOn >= today - 14 * DAY_MS ? (r < 2 ? 'DONE' : 'OPEN') : r < 17 ? 'DONE' : r < 19 ? 'OPEN' : 'DROPPED';
          actions.push({
            id: actionId, agreementId, sessionId: id, ownerId: byPeerWorker ? peerWorkerId : arrangement.supervisorId,
            text: encrypt(pool[(h >>> 8) % pool.length], 'SupervisionAction', actionId, 'text'), dueOn: dateOf(dueOn), status,
            doneAt: status === 'DONE' ? timestampOf(notAfterNow(dueOn - 2 * DAY_MS + 15 * 60 * 60 * 1000)) : null, version: status === 'OPEN' ? 1 : 2,
            createdAt: timestampOf(createdAt),
          });
          counts.actions += 1;
        }
        if (sessions.length >= 5_000) await flush();
      }
    }
    sessionsOf.set(peerWorkerId, own.sort((a, b) => a[0] - b[0]));
  }
  await flush();
  await insertRows(client, 'SupervisionSession', SESSION_COLUMNS, amendments);

  // More peer workers in some teams, so that their check-ins reach the threshold.
  const { rows: teams } = await client.query(`SELECT id, row_number() OVER (ORDER BY name)::int AS tn FROM "Team" WHERE name LIKE 'Trust team %' ORDER BY name`);
  const people = teams.flatMap((team) =>
    Array.from({ length: SUPERVISION.extraPeerWorkers(team.tn) }, (_, i) => ({
      id: randomUUID(), teamId: team.id, email: `peerworker.${String(team.tn).padStart(4, '0')}.${i + 1}@peerroles.test`,
      name: `Trust peer worker ${String(team.tn).padStart(4, '0')}-${i + 1}`, jobTitle: 'Peer support worker', orgRole: 'MEMBER',
      createdAt: timestampOf(today - (SUPERVISION.spanDays + 60) * DAY_MS), role: 'PEER_WORKER', membershipId: randomUUID(),
    })),
  );
  await insertRows(client, 'User', [['id', 'uuid'], ['email', 'text'], ['name', 'text'], ['jobTitle', 'text'], ['orgRole', 'text', enumOf('OrgRole')], ['createdAt', 'timestamp'], ['updatedAt', 'timestamp']],
    people.map((person) => ({ ...person, updatedAt: person.createdAt })));
  await insertRows(client, 'TeamMembership', [['id', 'uuid'], ['teamId', 'uuid'], ['userId', 'uuid'], ['role', 'text', enumOf('TeamRole')]],
    people.map((person) => ({ id: person.membershipId, teamId: person.teamId, userId: person.id, role: person.role })));
  await placeExtraPeerWorkers(client);

  // Check-ins: each peer worker in turn, about every six weeks back from today; every other one on the day of a session, with it.
  const { rows: workers } = await client.query(
    `SELECT m."userId" AS user_id, m."teamId" AS team_id, t.tn::int AS tn
     FROM "TeamMembership" m JOIN "User" u ON u.id = m."userId"
     JOIN (SELECT id, row_number() OVER (ORDER BY name) AS tn FROM "Team" WHERE name LIKE 'Trust team %') t ON t.id = m."teamId"
     WHERE m.role = 'PEER_WORKER' ORDER BY t.tn, u.email`,
  );
  const checkInCount = Math.round(SUPERVISION.checkIns * scale);
  const gap = Math.floor(SUPERVISION.spanDays / Math.ceil(checkInCount / workers.length));
  const checkIns = [];
  for (let i = 0; i < checkInCount; i++) {
    const w = i % workers.length;
    const k = Math.floor(i / workers.length);
    const worker = workers[w];
    let daysAgo = k * gap + mix(gap, w, 77);
    let sessionId = null;
    const own = sessionsOf.get(worker.user_id);
    if (own && k % 2 === 0) {
      // The latest session in the week before: check-ins of one person are weeks apart, so no session has two.
      const found = own.find(([held]) => held >= daysAgo && held <= daysAgo + 7);
      if (found) [daysAgo, sessionId] = found;
    }
    const answeredAt = notAfterNow(today - daysAgo * DAY_MS + (sessionId ? 18 : 10 + (i % 8)) * 60 * 60 * 1000);
    // Teams differ, people differ, and most feel a little more supported as time goes on; practising as a peer scores lowest.
    const base = 2.7 + 0.3 * mix(5, worker.tn, 5) + 0.15 * (mix(7, w, 3) - 3) + 0.5 * (1 - daysAgo / SUPERVISION.spanDays);
    const answer = (shift, q) => Math.max(1, Math.min(5, Math.round(base + shift + 0.35 * (mix(5, i, q) - 2))));
    checkIns.push({
      id: randomUUID(), peerWorkerId: worker.user_id, teamId: worker.team_id, sessionId, answeredAt: timestampOf(answeredAt),
      supported: answer(0.2, 1), clearRole: answer(0, 2), equalMember: answer(-0.2, 3), experienceValued: answer(0.1, 4), practiseAsPeer: answer(-0.4, 5),
    });
  }
  await insertRows(client, 'CheckIn', [
    ['id', 'uuid'], ['peerWorkerId', 'uuid'], ['teamId', 'uuid'], ['sessionId', 'uuid'], ['answeredAt', 'timestamp'],
    ['supported', 'int'], ['clearRole', 'int'], ['equalMember', 'int'], ['experienceValued', 'int'], ['practiseAsPeer', 'int'],
  ], checkIns);

  // The library: entries by peer workers in agreements, reviewed by their peer supervisor (the demo peer worker where they have none).
  const { rows: demo } = await client.query(`SELECT id FROM "User" WHERE email = 'peer.cmht@peerroles.test'`);
  const authors = plans.map(({ placement }) => placement);
  const entryCount = Math.round(SUPERVISION.libraryEntries * scale);
  const entries = [];
  for (let j = 0; j < entryCount; j++) {
    const author = authors[j % authors.length];
    const own = sessionsOf.get(author.user_id) ?? [];
    const session = j % 2 === 0 && own.length > 0 ? own[(j * 7) % own.length] : null;
    const r = j % 20;
    const status = r < 14 ? 'PUBLISHED' : r < 17 ? 'PROPOSED' : r < 19 ? 'WITHDRAWN' : 'DECLINED';
    const createdAt = notAfterNow(today - (session ? Math.max(session[0] - 2, 1) : 5 + mix(700, j, 11)) * DAY_MS + 15 * 60 * 60 * 1000);
    const reviewedAt = status === 'PROPOSED' ? null : notAfterNow(createdAt + 3 * DAY_MS, 40 * 60 * 1000);
    const withdrawnAt = status === 'WITHDRAWN' ? notAfterNow(reviewedAt + 20 * DAY_MS, 20 * 60 * 1000) : null;
    const entry = libraryEntry(j);
    entries.push({
      id: randomUUID(), authorId: author.user_id, teamId: author.team_id, sessionId: session?.[1] ?? null, scope: mix(5, j, 13) < 2 ? 'ORGANISATION' : 'TEAM',
      ...entry, tags: entry.tags.join(','), showName: j % 3 === 0, confirmedNoIdentifiers: true, status,
      reviewedById: reviewedAt === null ? null : (author.peer_supervisor_id ?? demo[0]?.id ?? null), reviewedAt: reviewedAt === null ? null : timestampOf(reviewedAt),
      withdrawnAt: withdrawnAt === null ? null : timestampOf(withdrawnAt), version: { PUBLISHED: 2, PROPOSED: 1, WITHDRAWN: 3, DECLINED: 2 }[status],
      createdAt: timestampOf(createdAt), updatedAt: timestampOf(withdrawnAt ?? reviewedAt ?? createdAt),
    });
  }
  // The search column is the trigger's (LibraryEntry_search), as for entries the app writes.
  await insertRows(client, 'LibraryEntry', [
    ['id', 'uuid'], ['authorId', 'uuid'], ['teamId', 'uuid'], ['sessionId', 'uuid'], ['scope', 'text', enumOf('LibraryScope')], ['title', 'text'], ['situation', 'text'],
    ['whatIDid', 'text'], ['whatILearned', 'text'], ['tags', 'text', listOf], ['showName', 'bool'], ['confirmedNoIdentifiers', 'bool'],
    ['status', 'text', enumOf('LibraryEntryStatus')], ['reviewedById', 'uuid'], ['reviewedAt', 'timestamp'], ['withdrawnAt', 'timestamp'], ['version', 'int'],
    ['createdAt', 'timestamp'], ['updatedAt', 'timestamp'],
  ], entries);
  return { agreements: agreements.length, arrangements: arrangements.length, ...counts, checkIns: checkIns.length, peerWorkers: workers.length, libraryEntries: entries.length };
}

/** Runs a part of the fill and says how long it took and what it made. */
async function timed(name, fill, log) {
  const started = Date.now();
  const made = await fill();
  log(`${name} filled in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(made)}`);
}

/**
 * The check-in figures of the ended quarters, worked out as the nightly
 * supervision.figures job works them out (lib/supervision/figures.ts), and then
 * the early-warning signs' measures as dashboards.measures takes them
 * (lib/dashboards/measures.ts): the same code, in a child process with the
 * app's module resolution. The figures and dashboards pages read them.
 */
export async function workOutSummaries(databaseUrl, log = console.log) {
  // The app's modules load as CommonJS under tsx: their exports are the import's default.
  const script = [
    "const figures = await import('./lib/supervision/figures.ts');",
    "const measures = await import('./lib/dashboards/measures.ts');",
    'const result = await (figures.default ?? figures).refreshCheckInFigures();',
    'const run = await (measures.default ?? measures).takeMeasures();',
    'console.log(JSON.stringify({ ...result, teams: run.teams }));',
    'process.exit(0);',
  ].join(' ');
  const started = Date.now();
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(stdout.trim()) : reject(new Error(`Working out the check-in figures and the early-warning measures failed (exit code ${code})`))));
  });
  const { workedOut, teams } = JSON.parse(output.split('\n').at(-1));
  log(`Check-in figures worked out for ${workedOut.length} quarters, and the early-warning signs' measures taken for ${teams} teams, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function fillTrust(databaseUrl, scale, log = console.log, notesKeys = benchNotesKeys()) {
  const filled = await fillTrustData(databaseUrl, scale, log, notesKeys);
  await workOutSummaries(databaseUrl, log);
  return filled;
}

async function fillTrustData(databaseUrl, scale, log, notesKeys) {
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
      const supervision = !(await supervisionFilled(client));
      await checkNotesKey(client, notesKeys);
      if (!notifications && !recruitment && !onboarding && !supervision) return false;
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
      if (supervision) {
        const { supervisionSessions, checkIns, libraryEntries } = sizesAt(scale);
        log(`Adding supervision to the filled trust at scale ${scale}: ${JSON.stringify({ supervisionSessions, checkIns, libraryEntries })}`);
        await timed('Supervision', () => fillSupervision(client, scale, notesKeys), log);
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
    await timed('Supervision', () => fillSupervision(client, scale, notesKeys), log);
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
