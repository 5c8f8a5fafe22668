import type { Metadata } from 'next';
import { CreatePersonForm } from '@/components/people/person-form';
import { requestOrigin } from '@/lib/http/request-origin';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';

export const metadata: Metadata = { title: 'Add a person' };

export default async function NewPersonPage() {
  await requirePermission('person.create');
  const origin = await requestOrigin();
  return (
    <>
      <BackLink href="/people">Back to people</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <CreatePersonForm serverOrigin={origin}>
            <h1>Add a person</h1>
            <p>Once you add them, you will get a link for them to set their password. Send it to them yourself: PeerRoles does not send emails.</p>
          </CreatePersonForm>
        </div>
      </div>
    </>
  );
}
