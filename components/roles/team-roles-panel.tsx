import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import type { TeamRoles } from '@/lib/roles/queries';
import { rolePath } from '@/components/roles/paths';

/**
 * The team page's list of peer worker roles and where each stands, from
 * listTeamRoles. Drafters see drafts and versions in review; everyone else in
 * the team sees agreed roles. The page shows it only to those who may see the
 * team's roles.
 */
export function TeamRolesPanel({ teamId, teamRoles, teamArchived = false }: { teamId: string; teamRoles: TeamRoles; teamArchived?: boolean }) {
  const { canDraft, roles } = teamRoles;
  const mayCreate = canDraft && !teamArchived;

  return (
    <section aria-labelledby="team-roles-heading">
      <h2 id="team-roles-heading">Peer worker roles</h2>
      {canDraft ? (
        <p>Agree what a peer worker will do in this team before anyone is recruited: draft the role, check what people expect of it, then ask the team to agree it.</p>
      ) : null}
      {mayCreate ? <ButtonLink href={`/teams/${teamId}/roles/new`}>Create a role description</ButtonLink> : null}
      {roles.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{canDraft ? 'This team has no role descriptions yet.' : 'This team has no agreed peer worker roles yet.'}</p>
        </div>
      ) : (
        <Table
          caption="Peer worker roles"
          captionHidden
          responsive
          firstCellIsHeader
          columns={[{ header: 'Role', className: 'nhsuk-u-width-one-half' }, { header: 'Status' }, { header: 'Last changed' }]}
          rows={roles.map((role) => ({
            key: role.id,
            cells: [
              <Link key="title" href={rolePath(teamId, role.id)}>
                {role.title}
              </Link>,
              <RoleStatusTags key="status" {...role} />,
              <DateTime key="updated" value={role.updatedAt} dateOnly />,
            ],
          }))}
        />
      )}
    </section>
  );
}

/** Where a role stands: it can be agreed, have a newer version in review and unsubmitted draft changes, all at once. */
export function RoleStatusTags({ agreedVersion, inReviewVersion, hasUnsubmittedChanges }: { agreedVersion: number | null; inReviewVersion: number | null; hasUnsubmittedChanges: boolean }) {
  const tags = [
    agreedVersion ? (
      <Tag key="agreed" colour="green">
        Agreed (version {agreedVersion})
      </Tag>
    ) : null,
    inReviewVersion ? (
      <Tag key="review" colour="blue">
        In review (version {inReviewVersion})
      </Tag>
    ) : null,
    hasUnsubmittedChanges ? (
      <Tag key="draft" colour="grey">
        Draft
      </Tag>
    ) : null,
  ].filter(Boolean);
  if (tags.length === 0) return <span className="nhsuk-u-secondary-text-colour">Not submitted</span>;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {tags.map((tag, index) => (
        <li key={index} className="nhsuk-u-margin-bottom-1">
          {tag}
        </li>
      ))}
    </ul>
  );
}
