import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddMemberForm } from '@/components/teams/add-member-form';
import { loadTeam } from '@/lib/teams/load';
import { BackLink } from '@/components/ui/back-link';
import { TextInput } from '@/components/ui/fields';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { listPeopleToAdd, PEOPLE_TO_ADD_LIMIT } from '@/lib/teams/queries';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'team.members.manage', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: team ? `Add a member to ${team.name}` : 'Page not found' };
}

export default async function AddMemberPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId } = await params;
  const q = (await searchParams).q;
  const search = typeof q === 'string' ? q.trim().slice(0, 100) : '';
  const user = await requirePermission('team.members.manage', { teamId });
  const { team } = await loadTeam(teamId);
  if (!team) notFound();

  const heading = (
    <PageHeading caption={team.name}>
      Add a member
    </PageHeading>
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

  const { people, more } = await listPeopleToAdd(team.id, search);
  const finder =
    more || search ? (
      <form method="get" action={`/teams/${team.id}/members/new`} role="search" aria-label="Find a person">
        <TextInput id="q" name="q" label="Find a person" hint="Search by name or email address" defaultValue={search} autoComplete="off" width={20} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Search
        </button>
        {more ? <p>Only the first {PEOPLE_TO_ADD_LIMIT} people{search ? ' who match' : ''} are listed: search to find someone else.</p> : null}
      </form>
    ) : null;
  return (
    <>
      <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {people.length === 0 ? (
            <>
              {heading}
              {finder}
              <p>{search ? `No one who is not already in this team matches “${search}”.` : 'Everyone with an active account is already in this team.'}</p>
              {can(user, 'person.create') ? (
                <p>
                  <Link href="/people/new">Add a new person</Link> first, then come back to add them to the team.
                </p>
              ) : null}
            </>
          ) : (
            <AddMemberForm teamId={team.id} people={people}>
              {heading}
              {finder}
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
