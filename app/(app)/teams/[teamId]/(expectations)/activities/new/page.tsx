import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddActivityForm } from '@/components/expectations/activity-forms';
import { loadTeam } from '@/lib/teams/load';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'activity.manage', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: team ? `Add an activity – ${team.name}` : 'Page not found' };
}

export default async function AddTeamActivityPage({ params }: { params: Params }) {
  const { teamId } = await params;
  await requirePermission('activity.manage', { teamId });
  const { team } = await loadTeam(teamId);
  if (!team) notFound();
  const listHref = `/teams/${teamId}/activities`;

  return (
    <>
      <BackLink href={listHref}>Back to the team&apos;s activities</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {team.archivedAt ? (
            <>
              <h1>Add an activity</h1>
              <p>
                {team.name} is archived. <Link href={`/teams/${teamId}`}>Restore the team</Link> before changing its activities.
              </p>
            </>
          ) : (
            <AddActivityForm teamId={teamId} listHref={listHref}>
              <PageHeading caption={team.name}>
                Add an activity
              </PageHeading>
              <p>
                Expectations checks for this team&apos;s roles will ask about it, including checks that are open now. Other teams do not see it.
              </p>
            </AddActivityForm>
          )}
        </div>
      </div>
    </>
  );
}
