'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { updateMyName } from '@/lib/account/actions';
import { updateNameSchema } from '@/lib/account/schemas';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { useActionForm } from '@/components/ui/use-action-form';

/** One question: the person's own name. `version` guards against overwriting a change made meanwhile. */
export function NameForm({ name, version }: { name: string; version: number }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: updateNameSchema,
    action: updateMyName,
    defaultValues: { name, version },
    onSuccess: () => router.push('/account?updated=name'),
  });

  // Without JavaScript the post comes back here: say it worked and link onwards.
  if (result?.ok) {
    return (
      <SavedBanner heading="Your name has been changed" href="/account">
        Go back to my account
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" defaultValue={version} {...form.register('version')} />
        <TextInput
          id="name"
          label="What is your name?"
          labelIsPageHeading
          hint="Your full name, as your colleagues know you. It appears on roles, reviews and the audit log."
          autoComplete="name"
          spellCheck={false}
          defaultValue={name}
          error={fieldError('name')}
          {...form.register('name')}
        />
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit" disabled={pending}>
            Save name
          </button>
          <Link className="nhsuk-link" href="/account">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
