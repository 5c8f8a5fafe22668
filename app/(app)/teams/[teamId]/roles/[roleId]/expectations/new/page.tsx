import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { checkPath, rolePath } from '@/components/roles/paths';
import { loadRole } from '@/lib/roles/load';
import { RoleBreadcrumbs } from '@/components/roles/role-breadcrumbs';
import { SendCheckForm, type StakeholderGroupChoices } from '@/components/expectations/send-check-form';
import { DateTime } from '@/components/ui/date-time';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { checksOfRole } from '@/lib/expectations/queries';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';
import { STAKEHOLDER_GROUPS } from '@/lib/teams/rules';
import { eligibleStakeholders } from '@/lib/teams/stakeholders';
import { STAKEHOLDER_GROUP_LABELS } from '@/lib/teams/labels';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId } = await params;
  const { user, access } = await loadRole(teamId, roleId);
  if (!can(user, 'role.draft', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: access ? `Send an expectations check – ${access.role.title}` : 'Page not found' };
}

const GROUP_HINTS = {
  MANAGER: (team: string) => `Managers of ${team}.`,
  STAFF: (team: string) => `Nurses, occupational therapists, psychologists and other colleagues in ${team} who are not in a peer role.`,
  PEER_WORKER: (team: string) => `Peer workers in ${team}.`,
  SERVICE_USER_REP: () => 'Service-user representatives across the organisation.',
  HR: () => 'HR and recruitment staff across the organisation.',
} as const;

export default async function SendExpectationsCheckPage({ params }: { params: Params }) {
  const { teamId, roleId } = await params;
  await requirePermission('role.draft', { teamId });
  const { user, access } = await loadRole(teamId, roleId);
  if (!access || !access.canDraft) notFound();
  const { role } = access;

  if (role.team.archivedAt) {
    return (
      <>
        <RoleBreadcrumbs user={user} access={access} />
        <h1>Send an expectations check</h1>
        <p>{role.team.name} is archived: restore the team before working on its roles.</p>
      </>
    );
  }

  const [people, checks] = await Promise.all([eligibleStakeholders(teamId), checksOfRole(access)]);
  const openCheck = checks.find((check) => check.closedAt === null) ?? null;
  const groups: StakeholderGroupChoices[] = STAKEHOLDER_GROUPS.map((group) => ({
    group,
    label: STAKEHOLDER_GROUP_LABELS[group],
    hint: GROUP_HINTS[group](role.team.name),
    people: people.filter((person) => person.group === group).map(({ id, name, jobTitle }) => ({ id, name, jobTitle })),
  }));

  return (
    <>
      <RoleBreadcrumbs user={user} access={access} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <SendCheckForm teamId={teamId} roleId={roleId} groups={groups} cancelHref={rolePath(teamId, roleId)}>
            <PageHeading caption={role.title}>
              Send an expectations check
            </PageHeading>
            <p>
              An expectations check asks each person whether activities such as risk assessment, sharing their own recovery story or writing in clinical records are a core
              part of this role, something the peer worker does sometimes, or not part of it.
            </p>
            <p>
              You will see how each group answered and which activities are contested, where one group expects something another does not. Settle each one in the role
              description before it is agreed, so that differences do not surface at interview or after someone starts.
            </p>
            <p>
              You see each person&apos;s answers as they come in. Everyone else who takes part sees only how each group answered, and nothing of a group where fewer than{' '}
              {SMALL_GROUP_THRESHOLD} people answered, such as a team&apos;s one manager or one HR partner.
            </p>
            <p>
              They see the results only once you close the check, from its page, when nobody can change their answers any more. Until then they see their own answers and can
              change them.
            </p>
            {openCheck ? (
              <div className="nhsuk-card nhsuk-card--warning">
                <div className="nhsuk-card__content">
                  <h2 className="nhsuk-card__heading">Important</h2>
                  <p>
                    Sending a new check closes the <Link href={checkPath(teamId, roleId, openCheck.id)}>current one</Link>, sent on{' '}
                    <DateTime value={openCheck.createdAt} dateOnly />, which {openCheck.answered} of {openCheck.invited} {openCheck.invited === 1 ? 'person has' : 'people have'}{' '}
                    answered.
                  </p>
                  <p className="nhsuk-card__description">
                    Its answers and any contested activities you settled stay in that check, and its results are shared with everyone who took part in it. The new one
                    starts empty: everyone you choose here will need to answer again.
                  </p>
                </div>
              </div>
            ) : null}
          </SendCheckForm>
        </div>
      </div>
    </>
  );
}
