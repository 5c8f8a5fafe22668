'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { rolePath, versionPath } from '@/components/roles/paths';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { submitDraft } from '@/lib/roles/actions';
import { submitDraftSchema } from '@/lib/roles/schemas';

/**
 * Freezes the draft the person has just checked: the draft's version goes with
 * it, so a change someone saved in the meantime is refused rather than
 * submitted unseen.
 */
export function SubmitDraftForm({ teamId, roleId, draftVersion, nextNumber }: { teamId: string; roleId: string; draftVersion: number; nextNumber: number }) {
  const router = useRouter();
  const { form, formProps, errorSummary, pending, result } = useActionForm({
    schema: submitDraftSchema,
    action: submitDraft,
    defaultValues: { roleId, draftVersion },
    onSuccess: (data) => router.push(`${versionPath(data.teamId, data.roleId, data.number)}?status=submitted`),
  });
  if (result?.ok) {
    return (
      <SavedBanner heading={`Version ${result.data.number} submitted for agreement`} href={`${versionPath(teamId, roleId, result.data.number)}?status=submitted`}>
        Go to version {result.data.number}
      </SavedBanner>
    );
  }
  const conflicted = result !== null && !result.ok && result.code === 'CONFLICT';
  return (
    <>
      <ErrorSummary errors={errorSummary.map((error) => ({ message: error.message }))} />
      {conflicted ? (
        <p>
          <a href={`${rolePath(teamId, roleId)}/submit`}>Reload this page</a> to check the latest draft before you submit it.
        </p>
      ) : null}
      <form {...formProps}>
        <input type="hidden" {...form.register('roleId')} defaultValue={roleId} />
        <input type="hidden" {...form.register('draftVersion')} defaultValue={draftVersion} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Submit version {nextNumber} for agreement</SubmitButton>
          <Link className="nhsuk-link" href={rolePath(teamId, roleId)}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
