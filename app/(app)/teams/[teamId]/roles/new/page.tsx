import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { CreateRoleForm } from '@/components/roles/create-role-form';
import { loadTeam } from '@/lib/teams/load';
import { BackLink } from '@/components/ui/back-link';
import { can } from '@/lib/permissions';
import { ROLE_SECTIONS } from '@/lib/roles/rules';

type Params = Promise<{ teamId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!team) return { title: 'Page not found' };
  if (!can(user, 'role.draft', { teamId })) return { title: 'You do not have permission to view this page' };
  return { title: `Create a role description – ${team.name}` };
}

export default async function NewRolePage({ params }: { params: Params }) {
  const { teamId } = await params;
  const { user, team } = await loadTeam(teamId);
  if (!team) notFound();
  if (!can(user, 'role.draft', { teamId })) forbidden();

  return (
    <>
      <BackLink href={`/teams/${team.id}`}>Back to {team.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {team.archivedAt ? (
            <>
              <h1>Create a role description</h1>
              <p>
                {team.name} is archived. <Link href={`/teams/${team.id}`}>Restore the team</Link> before creating roles for it.
              </p>
            </>
          ) : (
            <CreateRoleForm teamId={team.id} teamName={team.name}>
              <details className="nhsuk-details">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">What happens next</span>
                </summary>
                <div className="nhsuk-details__text">
                  <p>The description starts from your organisation&apos;s template. You then go through its {ROLE_SECTIONS.length} sections:</p>
                  <ul>
                    {ROLE_SECTIONS.map((section) => (
                      <li key={section.key}>{section.title.toLowerCase()}</li>
                    ))}
                  </ul>
                  <p>Only the team&apos;s managers see the draft. Other people see the role once you submit a version and invite them to review it, and the whole team sees it once it is agreed.</p>
                </div>
              </details>
            </CreateRoleForm>
          )}
        </div>
      </div>
    </>
  );
}
