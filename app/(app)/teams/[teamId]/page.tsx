import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { TeamRolesPanel } from '@/components/roles/team-roles-panel';
import { listTeamRoles } from '@/lib/roles/queries';
import { TeamSettingsLinks } from '@/components/teams/team-settings-links';
import { loadTeam } from '@/lib/teams/load';
import { RestoreTeamForm } from '@/components/teams/team-action-forms';
import { TEAM_ROLE_GROUPS } from '@/components/teams/team-roles';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { can } from '@/lib/permissions';
import { SERVICE_TYPE_LABELS, TEAM_ROLE_LABELS } from '@/lib/teams/labels';
import { PageHeading } from '@/components/ui/page-heading';
import { lookup, searchParam } from '@/lib/search-params';

type Params = Promise<{ teamId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!team) return { title: 'Page not found' };
  return { title: can(user, 'team.view', { teamId }) ? team.name : 'You do not have permission to view this page' };
}

const STATUS_MESSAGES: Record<string, string> = {
  created: 'Team created',
  updated: 'Team details saved',
  archived: 'Team archived',
  restored: 'Team restored',
  'member-removed': 'Member removed from the team',
};

export default async function TeamPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId } = await params;
  const query = await searchParams;
  const { user, team } = await loadTeam(teamId);
  if (!team) notFound();
  if (!can(user, 'team.view', { teamId })) forbidden();

  const archived = team.archivedAt !== null;
  const mayEdit = can(user, 'team.update', { teamId }) && !archived;
  const mayArchive = can(user, 'team.archive', { teamId });
  const mayManageMembers = can(user, 'team.members.manage', { teamId }) && !archived;
  const mayViewPeople = can(user, 'person.view');
  const teamRoles = can(user, 'role.view', { teamId }) ? await listTeamRoles(user, teamId) : null;

  const added = typeof query.added === 'string' ? team.memberships.find((membership) => membership.id === query.added) : undefined;
  const status = lookup(STATUS_MESSAGES, searchParam(query, 'status'));
  const change = (what: string) => (mayEdit ? [{ href: `/teams/${team.id}/edit`, label: 'Change', visuallyHiddenText: what }] : undefined);

  return (
    <>
      <Breadcrumbs items={can(user, 'team.list') ? [{ href: '/', label: 'Home' }, { href: archived ? '/teams?archived=1' : '/teams', label: archived ? 'Archived teams' : 'Teams' }] : [{ href: '/', label: 'Home' }]} />

      {added ? (
        <NotificationBanner type="success" heading={`${added.user.name} added as ${TEAM_ROLE_LABELS[added.role].toLowerCase()}`}>
          {mayManageMembers ? (
            <p>
              <Link className="nhsuk-notification-banner__link" href={`/teams/${team.id}/members/new`}>
                Add another member
              </Link>
            </p>
          ) : null}
        </NotificationBanner>
      ) : status ? (
        <NotificationBanner type="success" heading={status}>
          {query.status === 'created' && mayManageMembers ? (
            <p>
              Next, <Link className="nhsuk-notification-banner__link" href={`/teams/${team.id}/members/new`}>add its members</Link>.
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}

      {archived && team.archivedAt ? (
        <NotificationBanner heading="This team is archived">
          <p>
            It was archived on <DateTime value={team.archivedAt} dateOnly />. It is hidden from team lists and pickers, and its members no longer see it. Its history is kept.
          </p>
          {mayArchive ? <RestoreTeamForm teamId={team.id} version={team.version} /> : null}
        </NotificationBanner>
      ) : null}

      <PageHeading caption={SERVICE_TYPE_LABELS[team.serviceType]}>
        {team.name}
      </PageHeading>

      <SummaryList
        rows={[
          { key: 'Team name', value: team.name, actions: change('team name') },
          { key: 'Service type', value: SERVICE_TYPE_LABELS[team.serviceType], actions: change('service type') },
          {
            key: 'Description',
            value: team.description ? <span style={{ whiteSpace: 'pre-line' }}>{team.description}</span> : <span className="nhsuk-u-secondary-text-colour">No description</span>,
            actions: change('description'),
          },
        ]}
      />

      {teamRoles ? <TeamRolesPanel teamId={team.id} teamRoles={teamRoles} teamArchived={archived} /> : null}

      <h2>Members</h2>
      <p>
        {team.memberships.length === 0
          ? 'Nobody is in this team yet.'
          : TEAM_ROLE_GROUPS.map((group) => group.count(team.memberships.filter((m) => m.role === group.role).length)).join(', ')}
      </p>
      {mayManageMembers ? <ButtonLink href={`/teams/${team.id}/members/new`}>Add a member</ButtonLink> : null}

      {TEAM_ROLE_GROUPS.map((group) => {
        const members = team.memberships.filter((membership) => membership.role === group.role);
        return (
          <section key={group.role} aria-labelledby={`group-${group.role}`}>
            <h3 id={`group-${group.role}`}>
              {group.heading} <span className="nhsuk-u-secondary-text-colour">({members.length})</span>
            </h3>
            {members.length === 0 ? (
              <p className="nhsuk-u-secondary-text-colour">{group.empty}</p>
            ) : (
              <Table
                caption={group.heading}
                captionHidden
                responsive
                firstCellIsHeader
                columns={[
                  { header: 'Name', className: 'nhsuk-u-width-one-half' },
                  { header: 'Job title' },
                  ...(mayManageMembers ? [{ header: <span className="nhsuk-u-visually-hidden">Actions</span>, mobileHeader: '' }] : []),
                ]}
                rows={members.map((membership) => ({
                  key: membership.id,
                  cells: [
                    <span key="name">
                      {mayViewPeople ? <Link href={`/people/${membership.user.id}`}>{membership.user.name}</Link> : membership.user.name}
                      {membership.user.disabledAt ? (
                        <>
                          {' '}
                          <Tag colour="grey">Account disabled</Tag>
                        </>
                      ) : null}
                    </span>,
                    membership.user.jobTitle || <span className="nhsuk-u-secondary-text-colour">Not recorded</span>,
                    ...(mayManageMembers
                      ? [
                          <Link key="remove" href={`/teams/${team.id}/members/${membership.id}/remove`}>
                            Remove<span className="nhsuk-u-visually-hidden"> {membership.user.name} from the team</span>
                          </Link>,
                        ]
                      : []),
                  ],
                }))}
              />
            )}
          </section>
        );
      })}

      <TeamSettingsLinks user={user} teamId={team.id} />

      {mayArchive && !archived ? (
        <>
          <h2 className="nhsuk-u-margin-top-6">Archive this team</h2>
          <p>Archive a team that has closed or merged. Its members lose access to it, and its history is kept. You can restore it later.</p>
          <ButtonLink href={`/teams/${team.id}/archive`} variant="secondary">
            Archive team
          </ButtonLink>
        </>
      ) : null}
    </>
  );
}
