import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PolicyForm, UseDefaultPolicyForm } from '@/components/agreement/policy-form';
import { conditionsSummary, POLICY_GROUPS, policySummary } from '@/components/agreement/policy-labels';
import { loadTeam } from '@/lib/teams/load';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { requirePermission } from '@/lib/auth/load';
import type { RequirementGroup } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/permissions';
import { loadPolicy } from '@/lib/agreement/load';
import { DEFAULT_AGREEMENT_POLICY, DEFAULT_EXPECTATIONS_RULES } from '@/lib/agreement/rules';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!can(user, 'team.policy.manage', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: team ? `Agreement policy – ${team.name}` : 'Page not found' };
}

function asMinimums(requirements: ReadonlyArray<{ group: RequirementGroup; minimum: number }>): Record<RequirementGroup, number> {
  const minimums = Object.fromEntries(POLICY_GROUPS.map(({ group }) => [group, 0])) as Record<RequirementGroup, number>;
  for (const requirement of requirements) minimums[requirement.group] = requirement.minimum;
  return minimums;
}

export default async function AgreementPolicyPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId } = await params;
  const user = await requirePermission('team.policy.manage', { teamId });
  const query = await searchParams;
  const { team } = await loadTeam(teamId);
  if (!team) notFound();

  const policy = await loadPolicy(teamId);
  const current = asMinimums(policy.requirements);
  const settings = { requireExpectationsCheck: policy.requireExpectationsCheck, requireContestedSettled: policy.requireContestedSettled };
  const defaults = asMinimums(DEFAULT_AGREEMENT_POLICY);
  const usesDefault =
    POLICY_GROUPS.every(({ group }) => current[group] === defaults[group]) &&
    settings.requireExpectationsCheck === DEFAULT_EXPECTATIONS_RULES.requireExpectationsCheck &&
    settings.requireContestedSettled === DEFAULT_EXPECTATIONS_RULES.requireContestedSettled;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          ...(can(user, 'team.list') ? [{ href: '/teams', label: 'Teams' }] : []),
          { href: `/teams/${teamId}`, label: team.name },
        ]}
      />
      {query.status === 'saved' || query.status === 'default' ? (
        <NotificationBanner type="success" heading={query.status === 'default' ? 'This team now uses the default policy' : 'Agreement policy saved'}>
          <p>
            A role description in {team.name} is now Agreed once {policySummary(current)} have agreed it, and {conditionsSummary(settings)}.
          </p>
        </NotificationBanner>
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading caption={team.name}>
            Agreement policy
          </PageHeading>
          <p>
            The policy says who must agree a peer worker role description before it is Agreed and can be recruited to. Each group brings a different view of the role, so
            that the differences come out before selection, not after.
          </p>
          {usesDefault ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                This team uses the default policy: {policySummary(current)} must agree, and {conditionsSummary(settings)}. That brings in the manager who drafted the role, a
                colleague who will work alongside the peer worker, someone with lived experience, and HR, who will recruit to it, and makes sure every difference the
                expectations check found has been settled in the description.
              </p>
            </div>
          ) : (
            <>
              <p>
                <strong>Now:</strong> {policySummary(current)} must agree, and {conditionsSummary(settings)}.
              </p>
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  The default policy asks for {policySummary(defaults)}: the manager who drafted the role, a colleague who will work alongside the peer worker, someone with
                  lived experience, and HR, who will recruit to it. It also asks that {conditionsSummary(DEFAULT_EXPECTATIONS_RULES)}.
                </p>
              </div>
            </>
          )}
          {!usesDefault ? <UseDefaultPolicyForm teamId={teamId} version={policy.teamVersion} defaults={defaults} settings={DEFAULT_EXPECTATIONS_RULES} /> : null}
          <PolicyForm key={policy.teamVersion} teamId={teamId} version={policy.teamVersion} minimums={current} settings={settings}>
            <p>
              The new policy applies straight away to versions still in review: one that already meets it (the agreements it asks for, no open concern, and what it asks of
              the expectations check) becomes Agreed when you save. A version that is already Agreed stays Agreed.
            </p>
          </PolicyForm>
        </div>
      </div>
    </>
  );
}
