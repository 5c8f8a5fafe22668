import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { requireUser } from '@/lib/auth/load';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Settings' };

interface SettingsLink {
  href: string;
  title: string;
  description: string;
}

/** What this person may configure: the organisation's template and catalogue (admins), and their teams' own activities (managers). */
export default async function SettingsPage() {
  const user = await requireUser();
  const organisation: SettingsLink[] = [];
  if (can(user, 'role.template.manage')) {
    organisation.push({
      href: '/settings/template',
      title: 'Role description template',
      description: 'The text a new role description starts with, the peer support values managers choose from, and examples of what the role is not.',
    });
  }
  if (can(user, 'activity.manage')) {
    organisation.push({
      href: '/settings/activities',
      title: 'Activity catalogue',
      description: 'The activities every expectations check asks about: core part of the role, sometimes, or not part of it.',
    });
  }
  if (can(user, 'team.policy.manage')) {
    organisation.push({
      href: '/teams',
      title: 'Agreement policies',
      description: "Each team has its own: open a team and choose “Agreement policy” to set which groups must agree its role descriptions.",
    });
  }
  if (can(user, 'recruitment.settings.manage')) {
    organisation.push({
      href: '/settings/recruitment',
      title: 'Recruitment panels and candidates’ data',
      description: 'Who must sit on every recruitment panel (scorers, lived experience, HR or management), and how many months candidates’ personal data is kept after a decision.',
    });
  }
  if (can(user, 'supervision.settings.manage')) {
    organisation.push({
      href: '/settings/supervision',
      title: 'Supervision check-in figures',
      description: 'How many different peer workers must answer in a quarter before their team’s or the organisation’s check-in averages are shown.',
    });
  }
  if (can(user, 'dashboards.settings.manage')) {
    organisation.push({
      href: '/settings/dashboards',
      title: 'Early-warning signs',
      description: 'Where each figure behind the four early-warning signs turns amber and red, on “Where things stand”.',
    });
  }
  if (can(user, 'signIn.settings.manage')) {
    organisation.push({
      href: '/settings/sign-in',
      title: 'Sign-in',
      description: 'Whether people must sign in with their organisation account (service-user representatives keep passwords), and which email domains may join by signing in.',
    });
  }
  if (can(user, 'notifications.manage')) {
    organisation.push({
      href: '/settings/notifications',
      title: 'Reminders and emails',
      description: 'After how many working days people are reminded of requests waiting for them, and the emails kept when no mail server is set up.',
    });
  }
  if (can(user, 'jobs.manage')) {
    organisation.push({
      href: '/settings/jobs',
      title: 'Failed background jobs',
      description: 'Emails and scheduled work that failed every retry, with the error and a button to try again.',
    });
  }
  // Managers add their own team's activities; admins already reach every team through the catalogue and team pages.
  const teams = can(user, 'activity.manage') ? [] : user.memberships.filter((membership) => can(user, 'activity.manage', { teamId: membership.teamId }));
  if (organisation.length === 0 && teams.length === 0) forbidden();

  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>Settings</h1>
      {organisation.length > 0 ? (
        <ul className="nhsuk-grid-row nhsuk-card-group">
          {organisation.map((link) => (
            <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={link.href}>
              <div className="nhsuk-card nhsuk-card--clickable">
                <div className="nhsuk-card__content">
                  <h2 className="nhsuk-card__heading nhsuk-heading-m">
                    <Link className="nhsuk-card__link" href={link.href}>
                      {link.title}
                    </Link>
                  </h2>
                  <p className="nhsuk-card__description">{link.description}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {teams.length > 0 ? (
        <>
          <h2>Your teams&apos; activities</h2>
          <p>Add activities that are specific to how your team works. Expectations checks for your team&apos;s roles ask about them as well as the organisation&apos;s.</p>
          <ul className="nhsuk-list">
            {teams.map((membership) => (
              <li key={membership.teamId}>
                <Link href={`/teams/${membership.teamId}/activities`}>
                  Activities for {membership.team.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
