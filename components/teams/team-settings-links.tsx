import Link from 'next/link';
import { can, type PermissionSubject } from '@/lib/permissions';

/**
 * A team's settings, for the team page: its own activities for expectations
 * checks (the team's managers and admins) and its agreement policy (admins).
 * Renders nothing for anyone who may change neither.
 */
export function TeamSettingsLinks({ user, teamId, headingLevel = 2 }: { user: PermissionSubject; teamId: string; headingLevel?: 2 | 3 }) {
  const links: Array<{ href: string; label: string; description: string }> = [];
  if (can(user, 'activity.manage', { teamId })) {
    links.push({
      href: `/teams/${teamId}/activities`,
      label: 'Activities for expectations checks',
      description: "Add activities that are specific to this team to the organisation's catalogue.",
    });
  }
  if (can(user, 'team.policy.manage', { teamId })) {
    links.push({ href: `/teams/${teamId}/policy`, label: 'Agreement policy', description: 'Which groups must agree a role description before it is Agreed, and how many of each.' });
  }
  if (links.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="team-settings-heading">
      <Heading id="team-settings-heading">Team settings</Heading>
      <ul className="nhsuk-list">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
            <br />
            <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">{link.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
