import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadTeam } from '@/lib/teams/load';
import { ArchiveTeamForm } from '@/components/teams/team-action-forms';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';

type Params = Promise<{ teamId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'team.archive', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: team ? `Archive ${team.name}` : 'Page not found' };
}

export default async function ArchiveTeamPage({ params }: { params: Params }) {
  const { teamId } = await params;
  await requirePermission('team.archive', { teamId });
  const { team } = await loadTeam(teamId);
  if (!team) notFound();

  const activeMembers = team.memberships.filter((membership) => !membership.user.disabledAt).length;

  return (
    <>
      <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {team.archivedAt ? (
            <>
              <h1>{team.name} is archived</h1>
              <p>
                <Link href={`/teams/${team.id}`}>Go to the team</Link>. You can restore it from there.
              </p>
            </>
          ) : (
            <ArchiveTeamForm teamId={team.id} version={team.version}>
              <h1>Are you sure you want to archive {team.name}?</h1>
              <p>If you archive this team:</p>
              <ul>
                <li>it will be hidden from team lists and pickers</li>
                {activeMembers > 0 ? (
                  <li>
                    {activeMembers === 1 ? 'its 1 member' : `its ${activeMembers} members`} will no longer see it or be able to act in it
                  </li>
                ) : null}
                <li>its members, details and history are kept</li>
              </ul>
              <p>You can restore the team later from the list of archived teams.</p>
            </ArchiveTeamForm>
          )}
        </div>
      </div>
    </>
  );
}
