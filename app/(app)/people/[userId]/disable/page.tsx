import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadPerson, personPageTitle } from '@/lib/people/load';
import { DisablePersonForm } from '@/components/people/person-action-forms';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';

type Params = Promise<{ userId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { userId } = await params;
  return { title: await personPageTitle(userId, 'person.disable', (name) => `Disable ${name}’s account`) };
}

export default async function DisablePersonPage({ params }: { params: Params }) {
  const { userId } = await params;
  const user = await requirePermission('person.disable');
  const person = await loadPerson(userId);
  if (!person) notFound();

  const activeTeams = person.memberships.filter((membership) => !membership.team.archivedAt).length;

  return (
    <>
      <BackLink href={`/people/${person.id}`}>Back to {person.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {person.disabledAt ? (
            <>
              <h1>{person.name}’s account is disabled</h1>
              <p>
                <Link href={`/people/${person.id}`}>Go to their details</Link>. You can re-enable the account from there.
              </p>
            </>
          ) : person.id === user.id ? (
            <>
              <h1>You cannot disable your own account</h1>
              <p>Ask another administrator to do it.</p>
            </>
          ) : (
            <DisablePersonForm userId={person.id} version={person.version}>
              <h1>Are you sure you want to disable {person.name}’s account?</h1>
              <p>If you disable this account:</p>
              <ul>
                <li>they will not be able to sign in, and if they are signed in now they lose access straight away</li>
                <li>any set-password link they have will stop working</li>
                <li>{activeTeams === 0 ? 'their history is kept' : `they stay listed in ${activeTeams === 1 ? 'their team' : `their ${activeTeams} teams`}, marked as disabled, and their history is kept`}</li>
              </ul>
              <p>You can re-enable the account later.</p>
            </DisablePersonForm>
          )}
        </div>
      </div>
    </>
  );
}
