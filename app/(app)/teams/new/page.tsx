import type { Metadata } from 'next';
import { CreateTeamForm } from '@/components/teams/team-form';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';

export const metadata: Metadata = { title: 'Create a team' };

export default async function NewTeamPage() {
  await requirePermission('team.create');
  return (
    <>
      <BackLink href="/teams">Back to teams</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <CreateTeamForm>
            <h1>Create a team</h1>
            <p>You can add members once the team exists.</p>
          </CreateTeamForm>
        </div>
      </div>
    </>
  );
}
