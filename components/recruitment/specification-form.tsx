'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { Select, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { specificationPath } from '@/lib/recruitment/paths';
import { createSpecificationSchema } from '@/lib/recruitment/schemas';
import { createSpecification } from '@/lib/recruitment/specification-actions';

/** Starts a person specification from a role's agreed version. */
export function CreateSpecificationForm({ roles, roleId }: { roles: ReadonlyArray<{ id: string; title: string; team: { name: string } }>; roleId: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: createSpecificationSchema,
    action: createSpecification,
    defaultValues: { roleId, title: '' },
    onSuccess: (data) => router.push(specificationPath(data.specificationId)),
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="Person specification started" href={specificationPath(result.data.specificationId)}>
        Go to the person specification
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <Select
          id="roleId"
          label="Role"
          hint="Only roles with an agreed version are listed: the specification is built from the version everyone agreed."
          placeholder="Select a role"
          options={roles.map((role) => ({ value: role.id, label: `${role.title} – ${role.team.name}` }))}
          defaultValue={roleId}
          error={fieldError('roleId')}
          {...form.register('roleId')}
        />
        <TextInput id="title" label="Title" hint="For example, Peer Support Worker (Band 4) person specification" error={fieldError('title')} {...form.register('title')} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Start the person specification</SubmitButton>
          <Link className="nhsuk-link" href="/recruitment/specifications">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
