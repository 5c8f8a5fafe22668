import { can, teamsGranting, type PermissionSubject } from '@/lib/permissions';
import { waitingBadge } from '@/lib/requests/rules';

export interface NavigationItem {
  href: string;
  label: string;
  /** A number to notice beside the label: requests waiting ("99+" past the cap). */
  badge?: string;
}

/** The header's links: only what this person may use (the pages check again). */
export function navigationFor(user: PermissionSubject & { waitingRequests?: number; onPanel?: boolean }): NavigationItem[] {
  const items: NavigationItem[] = [{ href: '/', label: 'Home' }];
  if (can(user, 'team.list') || user.memberships.length > 0) items.push({ href: '/teams', label: 'Teams' });
  // Anyone may be asked to review a role or answer an expectations check.
  items.push({ href: '/requests', label: 'Requests', badge: waitingBadge(user.waitingRequests) });
  // HR, a team's managers, and anyone sitting on a recruitment panel.
  const recruits = teamsGranting(user, 'recruitment.view');
  if (recruits === 'ALL' || recruits.length > 0 || user.onPanel) {
    items.push({ href: '/recruitment', label: 'Recruitment' });
  }
  // Onboarding: anyone in a team (peer workers, their colleagues and managers), HR and administrators (templates);
  // a service-user representative in no team has nothing there.
  if (user.orgRole !== 'SERVICE_USER_REP' || user.memberships.length > 0) items.push({ href: '/onboarding', label: 'Onboarding' });
  // Supervision: peer workers and their supervisors (in teams), managers, HR and administrators, and, since its peer
  // practice library is for everyone in the organisation, anyone who reads that; a representative in no team has nothing there.
  const followsSupervision = teamsGranting(user, 'supervision.view');
  if (can(user, 'library.read') || user.memberships.length > 0 || followsSupervision === 'ALL' || followsSupervision.length > 0) items.push({ href: '/supervision', label: 'Supervision' });
  // Where things stand: the organisation for HR and administrators, their teams for managers.
  const dashboards = teamsGranting(user, 'dashboards.view');
  if (dashboards === 'ALL' || dashboards.length > 0) items.push({ href: '/dashboards', label: 'Where things stand' });
  if (can(user, 'person.list')) items.push({ href: '/people', label: 'People' });
  if (can(user, 'audit.view')) items.push({ href: '/audit', label: 'Audit log' });
  if (can(user, 'role.template.manage')) items.push({ href: '/settings', label: 'Settings' });
  items.push({ href: '/account', label: 'My account' });
  return items;
}
