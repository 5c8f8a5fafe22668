import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RemoveActivityForm } from '@/components/expectations/activity-forms';
import { teamCatalogue } from '@/lib/expectations/queries';
import { RemoveActivityConsequences } from '@/components/expectations/remove-activity-consequences';
import { loadTeam } from '@/lib/teams/load';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';

type Params = Promise<{ teamId: string; activityId: string }>;

async function teamActivity(teamId: string, activityId: string) {
  return (await teamCatalogue(teamId)).team.find((activity) => activity.id === activityId) ?? null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, activityId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'activity.manage', { teamId })) return { title: 'You do not have permission to view this page' };
  const activity = team ? await teamActivity(teamId, activityId) : null;
  return { title: activity ? `Remove “${activity.name}”` : 'Page not found' };
}

export default async function RemoveTeamActivityPage({ params }: { params: Params }) {
  const { teamId, activityId } = await params;
  await requirePermission('activity.manage', { teamId });
  const { team } = await loadTeam(teamId);
  const activity = team ? await teamActivity(teamId, activityId) : null;
  if (!team || !activity) notFound();
  const listHref = `/teams/${teamId}/activities`;

  return (
    <>
      <BackLink href={listHref}>Back to the team&apos;s activities</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {team.archivedAt ? (
            <>
              <h1>Remove “{activity.name}”</h1>
              <p>{team.name} is archived: restore it before changing its activities.</p>
            </>
          ) : (
            <RemoveActivityForm activityId={activity.id} listHref={listHref}>
              <h1>
                Are you sure you want to remove “{activity.name}” from {team.name}&apos;s activities?
              </h1>
              <RemoveActivityConsequences scope="this team" />
            </RemoveActivityForm>
          )}
        </div>
      </div>
    </>
  );
}
