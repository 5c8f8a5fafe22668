/** Addresses of the dashboards' pages, shared by pages, components and actions. */
export const DASHBOARDS_PATH = '/dashboards';
export const teamDashboardPath = (teamId: string) => `/dashboards/teams/${teamId}`;
export const DASHBOARD_SETTINGS_PATH = '/settings/dashboards';
export const TEAMS_CSV_PATH = '/dashboards/teams.csv';
export const REPORT_PATH = '/dashboards/report';
