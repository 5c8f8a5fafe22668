import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadTeam } from '@/lib/teams/load';
import { RemoveMemberForm } from '@/components/teams/team-action-forms';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';

type Params = Promise<{ teamId: string; membershipId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, membershipId } = await params;
  const { user, team } = await loadTeam(teamId);
  const membership = team?.memberships.find((m) => m.id === membershipId);
  if (!can(user, 'team.members.manage', { teamId })) return { title: 'You do not have permission to view this page' };
  if (!team) return { title: 'Page not found' };
  return { title: membership ? `Remove ${membership.user.name} from ${team.name}` : `Not a member of ${team.name}` };
}

export default async function RemoveMemberPage({ params }: { params: Params }) {
  const { teamId, membershipId } = await params;
  await requirePermission('team.members.manage', { teamId });
  const { team } = await loadTeam(teamId);
  if (!team) notFound();
  const membership = team.memberships.find((m) => m.id === membershipId);
  if (!membership) {
    // Also what a browser without JavaScript sees straight after a removal: the page is drawn again.
    return (
      <>
        <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
        <h1>Not a member of {team.name}</h1>
        <p>This person is not, or is no longer, a member of this team.</p>
        <p>
          <Link href={`/teams/${team.id}`}>Go to {team.name}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {team.archivedAt ? (
            <>
              <h1>Remove {membership.user.name} from {team.name}</h1>
              <p>This team is archived: restore it before changing its members.</p>
            </>
          ) : (
            <RemoveMemberForm teamId={team.id} membershipId={membership.id}>
              <h1>
                Are you sure you want to remove {membership.user.name} from {team.name}?
              </h1>
              <p>
                They are in this team as {TEAM_ROLE_LABELS[membership.role].toLowerCase()}
                {membership.user.jobTitle ? ` (${membership.user.jobTitle})` : ''}. Once removed, they are no longer a member of this team and lose the access that membership gives them.
              </p>
              <p>Their account is not affected, and the team&apos;s history is kept. You can add them again later.</p>
            </RemoveMemberForm>
          )}
        </div>
      </div>
    </>
  );
}
