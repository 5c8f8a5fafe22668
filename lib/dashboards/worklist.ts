import 'server-only';
import { agreementWorkSql } from '@/lib/agreement/gate';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { expectationsWorkSql } from '@/lib/expectations/gate';
import { onboardingWorkSql, openParityByPlacement, placementPath, taskPath } from '@/lib/onboarding/gate';
import { scoringWorkSql, vacancyPath } from '@/lib/recruitment/gate';
import { checkPath, versionPath } from '@/lib/roles/gate';
import { agreementPath, supervisionWorkSql } from '@/lib/supervision/gate';
import { calendarDay } from '@/lib/supervision/rules';

/*
 * The home page's work list (issue 13 §1): what needs this person now, each
 * a link, soonest first. Requests waiting for them (reviews, expectations
 * checks), panel scoring to finish and onboarding tasks they owe; and, for
 * the teams they manage, concerns to answer, contested activities to settle
 * (as last counted overnight), supervision overdue and parity issues open.
 * Each workflow says what is waiting in it through its gate; one statement
 * reads them all, and parity (judged in code) one more.
 */

export type WorkKind = 'REVIEW' | 'CHECK' | 'CONCERN' | 'SCORING' | 'TASK' | 'SUPERVISION' | 'CONTESTED' | 'PARITY';

export interface WorkItem {
  key: string;
  kind: WorkKind;
  /** The record it is about: a role, a vacancy, a task, a peer worker. */
  title: string;
  /** More about it: a version, a person, a count. */
  detail: string | null;
  team: string;
  href: string;
  /** When it was asked (waiting since), or when it is or was due. */
  at: Date;
  /** Whether `at` is a due date (tasks, scoring, supervision) or when it started waiting. */
  due: boolean;
}

/** At most this many items are listed; the rest are counted. */
export const WORK_LIST_SIZE = 30;

const SUPERVISION_WORDS: Record<string, string> = { PEER: 'peer supervision', LINE_MANAGEMENT: 'line management', CLINICAL: 'clinical supervision', GROUP_REFLECTIVE: 'group reflective practice' };

interface Row {
  /** Every kind but parity, which is judged in code. */
  kind: Exclude<WorkKind, 'PARITY'>;
  ref: string;
  parent: string | null;
  teamId: string;
  extra: string | null;
  title: string;
  team: string;
  at: Date;
}

function itemOf(row: Row): WorkItem {
  const base = { key: `${row.kind}:${row.ref}`, kind: row.kind, title: row.title, team: row.team, at: row.at };
  switch (row.kind) {
    case 'REVIEW':
      return { ...base, detail: `Version ${row.extra}`, href: versionPath(row.teamId, row.parent!, Number(row.extra)), due: false };
    case 'CHECK':
      return { ...base, detail: null, href: checkPath(row.teamId, row.parent!, row.ref), due: false };
    case 'CONCERN':
      return { ...base, detail: `Version ${row.extra}`, href: `${versionPath(row.teamId, row.parent!, Number(row.extra))}/concerns/${row.ref}`, due: false };
    case 'SCORING':
      return { ...base, detail: row.extra === 'INTERVIEWING' ? 'Interview scores' : 'Shortlisting scores', href: vacancyPath(row.ref), due: true };
    case 'TASK':
      return { ...base, detail: row.extra, href: taskPath(row.ref), due: true };
    case 'SUPERVISION':
      return { ...base, detail: SUPERVISION_WORDS[row.extra ?? ''] ?? null, href: agreementPath(row.parent!), due: true };
    case 'CONTESTED':
      // Counted overnight: the team's page lists its roles and which have activities to settle.
      return { ...base, title: 'Roles with contested activities to settle', detail: `${row.extra} as counted overnight`, href: `/teams/${row.teamId}`, due: false };
  }
}

/** Soonest first: by when it was asked or is due, then by key, so the order never wobbles. */
export const soonestFirst = (a: WorkItem, b: WorkItem) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key);

export async function getWorkList(user: CurrentUser): Promise<{ items: WorkItem[]; total: number; managesTeams: boolean }> {
  const managed = user.memberships.filter((membership) => membership.role === 'MANAGER').map((membership) => membership.teamId);
  const today = calendarDay(new Date());
  const [rows, parity] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT w.*, count(*) OVER () AS total FROM (
        ${agreementWorkSql(user.id, managed)}
        UNION ALL ${expectationsWorkSql(user.id)}
        UNION ALL ${scoringWorkSql(user.id)}
        UNION ALL ${onboardingWorkSql(user.id)}
        UNION ALL ${supervisionWorkSql(managed, today)}
        UNION ALL
        SELECT 'CONTESTED', t.id::text, NULL, t.id::text, (m.measures ->> 'rolesWithUnsettledContested'), t.name, t.name, m."computedAt"
        FROM "TeamMeasures" m JOIN "Team" t ON t.id = m."teamId"
        WHERE m."teamId" = ANY(${managed}::uuid[]) AND (m.measures ->> 'rolesWithUnsettledContested')::int > 0
      ) w
      ORDER BY w.at, w.kind, w.ref
      LIMIT ${WORK_LIST_SIZE}`,
    openParityByPlacement(db, managed),
  ]);
  const total = rows.length > 0 ? Number((rows[0] as Row & { total: bigint }).total) : 0;
  const items = [
    ...rows.map(itemOf),
    ...parity.map(
      (row): WorkItem => ({
        key: `PARITY:${row.placementId}`,
        kind: 'PARITY',
        title: row.personName,
        detail: `${row.open} parity ${row.open === 1 ? 'issue' : 'issues'} open`,
        team: row.teamName,
        href: placementPath(row.placementId),
        at: row.startDate,
        due: false,
      }),
    ),
  ].sort(soonestFirst);
  return { items: items.slice(0, WORK_LIST_SIZE), total: total + parity.length, managesTeams: managed.length > 0 };
}
