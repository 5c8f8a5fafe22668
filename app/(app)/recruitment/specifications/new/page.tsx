import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { CreateSpecificationForm } from '@/components/recruitment/specification-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { buildsSpecifications } from '@/lib/recruitment/access';
import { agreedRolesFor } from '@/lib/recruitment/queries';
import { searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Start a person specification' };

export default async function NewSpecificationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const builds = buildsSpecifications(user);
  if (!builds) forbidden();
  const roles = await agreedRolesFor(user);
  const roleId = searchParam(await searchParams, 'role');
  return (
    <>
      <BackLink href="/recruitment/specifications">Back to person specifications</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Start a person specification</h1>
          {roles.length === 0 ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                No role has an agreed version yet. A person specification is built from what the team agreed: <Link href="/teams">draft and agree a role</Link> first.
              </p>
            </div>
          ) : (
            <>
              <p>It starts with an essential lived experience criterion and an essential values criterion, which you can change.</p>
              <CreateSpecificationForm roles={roles} roleId={roles.some((role) => role.id === roleId) ? roleId : ''} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
