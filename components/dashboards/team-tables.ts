import { thresholdWords } from '@/components/dashboards/signs';
import { peerShare } from '@/components/supervision/agreements-table';
import { STALE_FIGURE, withheldReason } from '@/components/supervision/figures-table';
import { DUE_LABELS, quarterLabel, TYPE_LABELS } from '@/components/supervision/labels';
import type { TeamTableKey } from '@/lib/dashboards/paths';
import type { TeamView } from '@/lib/dashboards/queries';
import { formatValue, INDICATORS, LEVEL_LABELS, SIGN_TITLES, SIGNS } from '@/lib/dashboards/signals';
import { SupervisionType } from '@/lib/generated/prisma/enums';
import { CONTRACT_LABELS, PARITY_KIND_LABELS } from '@/lib/onboarding/labels';
import { placementPath } from '@/lib/onboarding/paths';
import { OUTCOME_LABELS, SHORTLIST_LABELS, STATUS_LABELS } from '@/lib/recruitment/labels';
import { rolePath } from '@/lib/roles/paths';
import { agreementPath } from '@/lib/supervision/paths';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';

/*
 * The tables of a team's view, once, for the page and for its CSV downloads:
 * the same rows, words and withheld figures in both. A table is null where
 * the person may not see that part of the team. A cell is text, a number or a
 * calendar day; the first cell may link to the record (the page only).
 */

export type Cell = string | number | Date | null;

/** "24 Nov 2026": a due date in a table cell that has little room. */
const shortDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

export interface TeamTable {
  key: TeamTableKey;
  caption: string;
  header: string[];
  /** Columns holding numbers, right-aligned on the page. */
  numeric: number[];
  rows: Array<{ key: string; href?: string; cells: Cell[] }>;
  /** What the page says when there are no rows. */
  empty: string;
}


const CANDIDATE_STAGE_LABELS = { ALL: 'All candidates', APPLIED: 'Applied, not yet shortlisted', ...SHORTLIST_LABELS, ...OUTCOME_LABELS } as const;

function roleStage(role: { agreedVersion: number | null; inReviewVersion: number | null; hasUnsubmittedChanges: boolean }): string {
  const stages = [
    role.agreedVersion ? `Agreed (version ${role.agreedVersion})` : null,
    role.inReviewVersion ? `In review (version ${role.inReviewVersion})` : null,
    role.hasUnsubmittedChanges ? 'Draft' : null,
  ].filter(Boolean);
  return stages.length > 0 ? stages.join('; ') : 'Not submitted';
}

/** Whether a role's contested activities were settled when last counted: only roles in review or recruited to are counted. */
function contestedWords(role: { inReviewVersion: number | null; recruitedTo: boolean; contestedUnsettled: boolean | null }, counted: boolean): string {
  if (role.inReviewVersion === null && !role.recruitedTo) return 'Not checked (not in review or recruited to)';
  if (!counted || role.contestedUnsettled === null) return 'Not counted yet';
  return role.contestedUnsettled ? 'Not all settled' : 'All settled, or none contested';
}

export function teamTables(view: TeamView): Record<TeamTableKey, TeamTable | null> {
  const { detail, team, checkIns } = view;
  const drafts = detail.draftsRoles;
  const types = Object.values(SupervisionType);
  return {
    signs: view.signs && {
      key: 'signs',
      caption: 'The four signs and the figures behind them',
      header: ['Sign', 'Sign level', 'Indicator', 'Figure', 'Indicator level', 'Thresholds'],
      numeric: [],
      rows: SIGNS.flatMap((sign) =>
        view.signs![sign].indicators.map((indicator) => ({
          key: indicator.key,
          cells: [SIGN_TITLES[sign], LEVEL_LABELS[view.signs![sign].level], INDICATORS[indicator.key].label, formatValue(indicator.key, indicator.value), LEVEL_LABELS[indicator.level], thresholdWords(indicator.key, view.thresholds)],
        })),
      ),
      empty: 'This team’s figures have not been counted yet.',
    },
    roles: detail.roles && {
      key: 'roles',
      caption: 'Roles by stage',
      // The contested column for those who draft the team's roles (who see every version); the recruited column for those who see recruitment.
      header: ['Role', 'Stage', ...(detail.pipeline ? ['Recruited to'] : []), ...(drafts ? ['Contested activities'] : [])],
      numeric: [],
      rows: detail.roles.map((role) => ({
        key: role.id,
        href: rolePath(team.id, role.id),
        cells: [role.title, roleStage(role), ...(detail.pipeline ? [role.recruitedTo ? 'Yes' : 'No'] : []), ...(drafts ? [contestedWords(role, view.computedAt !== null)] : [])],
      })),
      empty: 'This team has no roles yet.',
    },
    vacancies: detail.pipeline && {
      key: 'vacancies',
      caption: 'Vacancies by status',
      header: ['Status', 'Vacancies'],
      numeric: [1],
      rows: detail.pipeline.vacancies.map((row) => ({ key: row.status, cells: [STATUS_LABELS[row.status], row.count] })),
      empty: 'This team has no vacancies.',
    },
    candidates: detail.pipeline && {
      key: 'candidates',
      caption: 'Candidates by stage, for vacancies not yet closed',
      header: ['Stage', 'Candidates'],
      numeric: [1],
      rows: detail.pipeline.candidates.map((row) => ({ key: row.stage, cells: [CANDIDATE_STAGE_LABELS[row.stage], row.count] })),
      empty: 'No candidates.',
    },
    onboarding: detail.placements && {
      key: 'onboarding',
      caption: 'Onboarding progress per placement',
      header: ['Peer worker', 'Started', 'Contract', 'Tasks completed', 'Tasks', 'Overdue', 'Cannot start yet', 'Open parity issues'],
      numeric: [3, 4, 5, 6, 7],
      rows: detail.placements.map((placement) => ({
        key: placement.placementId,
        href: placementPath(placement.placementId),
        cells: [placement.personName, placement.startDate, CONTRACT_LABELS[placement.contractType], placement.completed, placement.tasks, placement.overdue, placement.cannotStart, placement.openParity.length],
      })),
      empty: 'Nobody is placed in this team.',
    },
    parity: detail.placements && {
      key: 'parity',
      caption: 'Open parity issues',
      header: ['Peer worker', 'Parity issue'],
      numeric: [],
      rows: detail.placements.flatMap((placement) =>
        placement.openParity.map((kind, index) => ({ key: `${placement.placementId}:${index}`, href: placementPath(placement.placementId), cells: [placement.personName, PARITY_KIND_LABELS[kind]] })),
      ),
      empty: 'No parity issues are open: every placement’s arrangements are on a par with colleagues’, or the differences are accepted with a reason.',
    },
    supervision: detail.supervision && {
      key: 'supervision',
      caption: 'Supervision per peer worker and type',
      header: ['Peer worker', ...types.map((type) => TYPE_LABELS[type]), 'Sessions in the last 12 months', 'Peer supervision share'],
      numeric: [types.length + 1],
      rows: detail.supervision.map((person) => ({
        key: person.placementId,
        href: person.agreementId ? agreementPath(person.agreementId) : undefined,
        cells: [
          person.personName,
          ...types.map((type) => {
            const arranged = person.types.filter((row) => row.type === type).sort((a, b) => a.due.getTime() - b.due.getTime())[0];
            return arranged ? `${DUE_LABELS[arranged.state]}, ${shortDay.format(arranged.due)}` : person.agreementId ? 'Not arranged' : 'No agreement yet';
          }),
          person.sessions,
          peerShare(person.peerSessions, person.sessions),
        ],
      })),
      empty: 'Nobody is placed in this team, so there is no supervision to show.',
    },
    'check-ins': checkIns && {
      key: 'check-ins',
      caption: 'Check-in averages by quarter',
      header: ['Quarter', ...CHECK_IN_QUESTIONS.map((question) => CHECK_IN_WORDING[question]), 'Withheld because'],
      numeric: CHECK_IN_QUESTIONS.map((_, index) => index + 1),
      rows: checkIns.quarters.map((row) => ({
        key: row.quarter,
        cells: row.figure.shown
          ? [quarterLabel(row.quarter), ...CHECK_IN_QUESTIONS.map((question) => (row.figure.shown ? row.figure.averages[question].toFixed(1) : null)), null]
          : [quarterLabel(row.quarter), ...CHECK_IN_QUESTIONS.map(() => null), row.stale ? STALE_FIGURE : withheldReason(row.figure, checkIns.threshold, row.countsOthersOnly)],
      })),
      empty: 'No quarter’s figures have been worked out yet: a quarter’s are worked out the night after it ends.',
    },
    library: {
      key: 'library',
      caption: 'Library entries published, by quarter',
      header: ['Quarter', 'Entries published'],
      numeric: [1],
      rows: detail.library.quarters.map((row) => ({ key: row.quarter, cells: [quarterLabel(row.quarter), row.entries] })),
      empty: 'No quarters to show.',
    },
  };
}
