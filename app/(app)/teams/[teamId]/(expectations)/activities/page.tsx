import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActivityTable } from '@/components/expectations/activity-table';
import { teamCatalogue } from '@/lib/expectations/queries';
import { loadTeam } from '@/lib/teams/load';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SavedBanner } from '@/components/ui/saved-banner';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'activity.manage', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: team ? `Activities for expectations checks – ${team.name}` : 'Page not found' };
}

export default async function TeamActivitiesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId } = await params;
  const user = await requirePermission('activity.manage', { teamId });
  const query = await searchParams;
  const { team } = await loadTeam(teamId);
  if (!team) notFound();

  const catalogue = await teamCatalogue(teamId);
  const archived = team.archivedAt !== null;
  const added = typeof query.added === 'string' ? catalogue.team.find((activity) => activity.id === query.added) : undefined;
  const base = `/teams/${teamId}/activities`;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          ...(can(user, 'team.list') ? [{ href: '/teams', label: 'Teams' }] : []),
          { href: `/teams/${teamId}`, label: team.name },
        ]}
      />
      {added ? (
        <SavedBanner heading={`“${added.name}” added to ${team.name}'s activities`} href={`${base}/new`}>
          Add another activity
        </SavedBanner>
      ) : query.status === 'removed' ? (
        <NotificationBanner type="success" heading="Activity removed" />
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading caption={team.name}>
            Activities for expectations checks
          </PageHeading>
          <p>
            Expectations checks for this team&apos;s roles ask about the organisation&apos;s {catalogue.organisation.length} activities and any the team adds. Add activities that are
            specific to how your team works, so that people can say whether they are part of the peer worker role.
          </p>
          {archived ? (
            <p>This team is archived: restore it before changing its activities.</p>
          ) : null}
        </div>
      </div>

      <h2>
        This team&apos;s own activities <span className="nhsuk-u-secondary-text-colour">({catalogue.team.length})</span>
      </h2>
      {archived ? null : <ButtonLink href={`${base}/new`}>Add an activity</ButtonLink>}
      <ActivityTable
        activities={catalogue.team}
        caption="This team's own activities"
        captionHidden
        removeHref={archived ? undefined : (activityId) => `${base}/${activityId}/remove`}
        empty="This team has not added any activities. Its checks ask about the organisation's activities only."
        highlight={added?.id}
      />

      <h2>
        The organisation&apos;s activities <span className="nhsuk-u-secondary-text-colour">({catalogue.organisation.length})</span>
      </h2>
      <p>
        {can(user, 'activity.manage') ? (
          <>
            Every team&apos;s checks ask about these. Change them in the <Link href="/settings/activities">activity catalogue</Link>.
          </>
        ) : (
          'Every team’s checks ask about these. An administrator looks after them: ask one if something should change.'
        )}
      </p>
      <ActivityTable
        activities={catalogue.organisation}
        caption="The organisation's activities"
        captionHidden
        empty="The organisation's catalogue is empty."
      />
    </>
  );
}
