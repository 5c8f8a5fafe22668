import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadPerson, personPageTitle } from '@/components/people/load-person';
import { EditPersonForm } from '@/components/people/person-form';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/current-user';

type Params = Promise<{ userId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { userId } = await params;
  return { title: await personPageTitle(userId, 'person.update', (name) => `Edit ${name}`) };
}

export default async function EditPersonPage({ params }: { params: Params }) {
  const { userId } = await params;
  const user = await requirePermission('person.update');
  const person = await loadPerson(userId);
  if (!person) notFound();

  return (
    <>
      <BackLink href={`/people/${person.id}`}>Back to {person.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <EditPersonForm person={person} isSelf={person.id === user.id}>
            <h1>
              <span className="nhsuk-caption-l">
                {person.name}
                <span className="nhsuk-u-visually-hidden"> – </span>
              </span>
              Edit details
            </h1>
          </EditPersonForm>
        </div>
      </div>
    </>
  );
}
