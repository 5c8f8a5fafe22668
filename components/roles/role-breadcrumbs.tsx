import { Breadcrumbs, type Crumb } from '@/components/ui/breadcrumbs';
import type { CurrentUser } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import type { RoleAccess } from '@/lib/roles/access';
import { rolePath } from '@/components/roles/paths';

/**
 * Teams › team › role. Reviewers from outside the team (a service-user
 * representative, say) may read the role but not the team's page: they get no
 * link to it.
 */
export function RoleBreadcrumbs({ user, access, includeRole = true, extra = [] }: { user: CurrentUser; access: RoleAccess; includeRole?: boolean; extra?: Crumb[] }) {
  const { role } = access;
  const items: Crumb[] = [{ href: '/', label: 'Home' }];
  if (can(user, 'team.list') || user.memberships.length > 0) items.push({ href: '/teams', label: 'Teams' });
  if (can(user, 'team.view', { teamId: role.teamId })) items.push({ href: `/teams/${role.teamId}`, label: role.team.name });
  if (includeRole) items.push({ href: rolePath(role.teamId, role.id), label: role.title });
  return <Breadcrumbs items={[...items, ...extra]} />;
}
