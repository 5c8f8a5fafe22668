import type { Metadata } from 'next';
import Link from 'next/link';
import { OwedTasksTable } from '@/components/onboarding/owed-tasks';
import { SupervisionDueTable } from '@/components/supervision/due-table';
import { TEAM_ROLE_GROUPS } from '@/components/teams/team-roles';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/load';
import { loadOwedTasksPreview } from '@/lib/onboarding/load';
import { can } from '@/lib/permissions';
import { loadSupervisionDue } from '@/lib/supervision/load';
import { SUPERVISION_PATH } from '@/lib/supervision/paths';
import { getTeam } from '@/lib/teams/queries';
import { SERVICE_TYPE_LABELS, TEAM_ROLE_LABELS } from '@/lib/teams/labels';

export const metadata: Metadata = { title: 'Home' };

interface QuickLink {
  href: string;
  title: string;
  description: string;
}

export default async function HomePage() {
  const user = await requireUser();
  const seesEveryTeam = can(user, 'team.list');

  const links: QuickLink[] = [];
  if (seesEveryTeam) {
    links.push({
      href: '/teams',
      title: can(user, 'team.create') ? 'Manage teams' : 'All teams',
      description: can(user, 'team.create') ? 'Create, edit and archive teams, and choose who is in each one.' : 'See every team and who is in it.',
    });
  }
  if (can(user, 'person.list')) {
    links.push({ href: '/people', title: 'Manage people', description: 'Add people, change their organisation role, send set-password links and disable accounts.' });
  }
  if (can(user, 'audit.view')) {
    links.push({ href: '/audit', title: 'Audit log', description: 'See who changed what, and when.' });
  }

  // People belong to a handful of teams: one read each, to show who is in them. The onboarding tasks they owe and the supervision due alongside.
  const [teamList, owed, supervisionDue] = await Promise.all([Promise.all(user.memberships.slice(0, 20).map((membership) => getTeam(user, membership.teamId))), loadOwedTasksPreview(), loadSupervisionDue()]);
  const teams = teamList.filter((team) => team !== null);
  const roleIn = new Map(user.memberships.map((membership) => [membership.teamId, membership.role]));

  const firstName = user.name.trim().split(/\s+/u)[0] || user.name;

  return (
    <>
      <h1>Hello, {firstName}</h1>

      {owed.total > 0 ? (
        <section aria-labelledby="onboarding-tasks">
          <h2 id="onboarding-tasks">Your onboarding tasks</h2>
          <OwedTasksTable tasks={owed.items} caption="Your onboarding tasks, soonest due first" />
          <p>
            <Link href="/onboarding/tasks">See all your onboarding tasks ({owed.total})</Link>
          </p>
        </section>
      ) : null}

      {supervisionDue.total > 0 ? (
        <section aria-labelledby="supervision-due">
          <h2 id="supervision-due">Supervision due</h2>
          <SupervisionDueTable items={supervisionDue.items} caption="Supervision due soon or overdue, soonest first" />
          {supervisionDue.total > supervisionDue.items.length ? (
            <p>
              <Link href={SUPERVISION_PATH}>See all supervision ({supervisionDue.total} due soon or overdue)</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <h2>Your teams</h2>
      {teams.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {seesEveryTeam ? (
            <p>
              You are not a member of any team. You can still see every team in <Link href="/teams">{links[0]?.title ?? 'Teams'}</Link>.
            </p>
          ) : user.orgRole === 'SERVICE_USER_REP' ? (
            <p>You are not in a team. As a service-user representative you see only what you are invited to: if something is missing, ask the person who invited you.</p>
          ) : (
            <p>You are not in a team yet. An administrator adds people to teams: ask your team manager or an administrator to add you. Once you are in a team, it will appear here.</p>
          )}
        </div>
      ) : (
        <Table
          caption="Your teams"
          captionHidden
          responsive
          firstCellIsHeader
          columns={[{ header: 'Team' }, { header: 'Service type' }, { header: 'Your role' }, { header: 'Members' }]}
          rows={teams.map((team) => {
            const role = roleIn.get(team.id);
            return {
              key: team.id,
              cells: [
                <Link href={`/teams/${team.id}`} key="team">
                  {team.name}
                </Link>,
                SERVICE_TYPE_LABELS[team.serviceType],
                role ? TEAM_ROLE_LABELS[role] : '',
                TEAM_ROLE_GROUPS.map((group) => group.count(team.memberships.filter((m) => m.role === group.role).length)).join(', '),
              ],
            };
          })}
        />
      )}

      {links.length > 0 ? (
        <>
          <h2>Administration</h2>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {links.map((link) => (
              <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={link.href}>
                <div className="nhsuk-card nhsuk-card--clickable">
                  <div className="nhsuk-card__content">
                    <h3 className="nhsuk-card__heading nhsuk-heading-m">
                      <Link className="nhsuk-card__link" href={link.href}>
                        {link.title}
                      </Link>
                    </h3>
                    <p className="nhsuk-card__description">{link.description}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
