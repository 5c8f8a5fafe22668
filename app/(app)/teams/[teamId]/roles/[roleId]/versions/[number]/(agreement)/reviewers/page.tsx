import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { loadVersionInvitations } from '@/lib/agreement/load';
import { versionPath } from '@/components/roles/paths';
import { InviteReviewersForm } from '@/components/agreement/review-forms';
import { BackLink } from '@/components/ui/back-link';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';
import { STAKEHOLDER_GROUPS } from '@/lib/teams/rules';
import { type AgreementRequirement } from '@/lib/agreement/rules';
import { eligibleStakeholders } from '@/lib/teams/stakeholders';
import { STAKEHOLDER_GROUP_LABELS } from '@/lib/teams/labels';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string; number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, number } = await params;
  const { access, version } = await loadVersionInvitations(teamId, roleId, number);
  if (!access || !version) return { title: 'Page not found' };
  if (!access.canDraft) return { title: 'You do not have permission to view this page' };
  return { title: `Invite reviewers to version ${version.number} – ${access.role.title}` };
}

/** What the team's policy asks of a group, in words. */
function requirementFor(group: StakeholderGroup, policy: ReadonlyArray<AgreementRequirement>): string {
  const own = policy.find((requirement) => requirement.group === group);
  const shared = group === 'PEER_WORKER' || group === 'SERVICE_USER_REP' ? policy.find((requirement) => requirement.group === 'PEER_OR_REP') : undefined;
  if (own) return `The team's policy needs at least ${own.minimum} of them to agree.`;
  if (shared) return `The team's policy needs at least ${shared.minimum} ${shared.minimum === 1 ? 'peer worker or service-user representative' : 'peer workers or service-user representatives'} to agree.`;
  return 'Optional: the team’s policy does not need this group to agree, but their view helps.';
}

export default async function InviteReviewersPage({ params }: { params: Params }) {
  const { teamId, roleId, number } = await params;
  const { user, access, version } = await loadVersionInvitations(teamId, roleId, number);
  if (!access || !version) notFound();
  if (!access.canDraft) forbidden();
  const page = versionPath(teamId, roleId, version.number);

  if (version.status !== 'IN_REVIEW' || access.role.team.archivedAt) {
    return (
      <>
        <BackLink href={page}>Back to version {version.number}</BackLink>
        <h1>Version {version.number} is no longer in review</h1>
        <p>
          Reviewers can only be invited to the version in review. <Link href={page}>Return to version {version.number}</Link>.
        </p>
      </>
    );
  }

  const people = await eligibleStakeholders(teamId);
  const { invited, agreed } = version;
  const groups = STAKEHOLDER_GROUPS.map((group) => ({
    group,
    heading: STAKEHOLDER_GROUP_LABELS[group],
    requirement: requirementFor(group, version.policy),
    people: people.filter((person) => person.group === group).map((person) => ({ ...person, invited: invited.has(person.id), agreed: agreed.has(person.id) })),
  }));
  const managerInvitable = groups[0].people.some((person) => person.id === user.id && !person.invited);

  return (
    <>
      <BackLink href={page}>Back to version {version.number}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <InviteReviewersForm version={{ teamId, roleId, number: version.number, versionId: version.id }} groups={groups}>
            <PageHeading caption={<>{access.role.title}, version {version.number}</>}>
              Invite reviewers
            </PageHeading>
            <p>Choose who should review this version. Each person agrees it or raises a concern, and it is agreed once every group the team&apos;s policy requires has agreed and no concern is open.</p>
            {managerInvitable ? <p>Include yourself if you will agree it as the team&apos;s manager: managers are reviewers like everyone else.</p> : null}
          </InviteReviewersForm>
        </div>
      </div>
    </>
  );
}
