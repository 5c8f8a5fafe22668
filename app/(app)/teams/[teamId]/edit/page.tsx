import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadTeam } from '@/lib/teams/load';
import { EditTeamForm } from '@/components/teams/team-form';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'team.update', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: team ? `Edit ${team.name}` : 'Page not found' };
}

export default async function EditTeamPage({ params }: { params: Params }) {
  const { teamId } = await params;
  await requirePermission('team.update', { teamId });
  const { team } = await loadTeam(teamId);
  if (!team) notFound();

  return (
    <>
      <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {team.archivedAt ? (
            <>
              <h1>Edit team details</h1>
              <p>
                {team.name} is archived. <Link href={`/teams/${team.id}`}>Restore the team</Link> before changing its details.
              </p>
            </>
          ) : (
            <EditTeamForm team={team}>
              <PageHeading caption={team.name}>
                Edit team details
              </PageHeading>
            </EditTeamForm>
          )}
        </div>
      </div>
    </>
  );
}
