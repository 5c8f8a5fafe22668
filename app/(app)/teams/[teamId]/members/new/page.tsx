import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddMemberForm } from '@/components/teams/add-member-form';
import { loadTeam } from '@/components/teams/load-team';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/permissions';
import { listPeopleToAdd } from '@/lib/teams/queries';

type Params = Promise<{ teamId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'team.members.manage', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: team ? `Add a member to ${team.name}` : 'Page not found' };
}

export default async function AddMemberPage({ params }: { params: Params }) {
  const { teamId } = await params;
  const user = await requirePermission('team.members.manage', { teamId });
  const { team } = await loadTeam(teamId);
  if (!team) notFound();

  const heading = (
    <h1>
      <span className="nhsuk-caption-l">
        {team.name}
        <span className="nhsuk-u-visually-hidden"> – </span>
      </span>
      Add a member
    </h1>
  );

  if (team.archivedAt) {
    return (
      <>
        <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
        {heading}
        <p>
          This team is archived. <Link href={`/teams/${team.id}`}>Restore the team</Link> before adding members.
        </p>
      </>
    );
  }

  const people = await listPeopleToAdd(team.id);
  return (
    <>
      <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {people.length === 0 ? (
            <>
              {heading}
              <p>Everyone with an active account is already in this team.</p>
              {can(user, 'person.create') ? (
                <p>
                  <Link href="/people/new">Add a new person</Link> first, then come back to add them to the team.
                </p>
              ) : null}
            </>
          ) : (
            <AddMemberForm teamId={team.id} people={people}>
              {heading}
              {can(user, 'person.create') ? (
                <p>
                  Not listed? <Link href="/people/new">Add a new person</Link> first, then come back to add them to the team.
                </p>
              ) : null}
            </AddMemberForm>
          )}
        </div>
      </div>
    </>
  );
}
