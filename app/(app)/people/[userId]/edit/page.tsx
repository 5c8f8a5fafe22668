import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadPerson, personPageTitle } from '@/lib/people/load';
import { EditPersonForm } from '@/components/people/person-form';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';
import { PageHeading } from '@/components/ui/page-heading';

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
            <PageHeading caption={person.name}>
              Edit details
            </PageHeading>
          </EditPersonForm>
        </div>
      </div>
    </>
  );
}
