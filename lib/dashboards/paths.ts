/** Addresses of the dashboards' pages, shared by pages, components and actions. */
export const DASHBOARDS_PATH = '/dashboards';
export const teamDashboardPath = (teamId: string) => `/dashboards/teams/${teamId}`;
export const DASHBOARD_SETTINGS_PATH = '/settings/dashboards';
export const TEAMS_CSV_PATH = '/dashboards/teams.csv';
export const SERVICE_TYPES_CSV_PATH = '/dashboards/service-types.csv';
export const LEVELS_CSV_PATH = '/dashboards/levels.csv';
export const REPORT_PATH = '/dashboards/report';

/** The tables of a team's view, each downloadable as CSV (components/dashboards/team-tables.ts builds them). */
export const TEAM_TABLES = ['signs', 'roles', 'vacancies', 'candidates', 'onboarding', 'parity', 'supervision', 'check-ins', 'library'] as const;
export type TeamTableKey = (typeof TEAM_TABLES)[number];

/** The address of one table's CSV download. */
export const teamTableCsvPath = (teamId: string, key: TeamTableKey) => `${teamDashboardPath(teamId)}/${key}.csv`;
