'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Textarea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { signInSettingsSchema } from '@/lib/auth/schemas';
import { saveSignInSettings } from '@/lib/auth/settings-actions';

/** Whether passwords are still allowed for everyone, and which email domains may join by signing in through the provider. */
export function SignInSettingsForm({ required, domains, version }: { required: boolean; domains: string[]; version: number }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: signInSettingsSchema,
    action: saveSignInSettings,
    defaultValues: { version: version || undefined, identityProviderRequired: required ? 'yes' : 'no', allowedEmailDomains: domains.join('\n') } as never,
    onSuccess: () => router.refresh(),
  });
  // After a save the page reloads with the settings' new version: the next save must carry it.
  useEffect(() => {
    if (version) form.setValue('version' as never, version as never);
  }, [form, version]);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {result?.ok ? (
        <div className="nhsuk-inset-text" role="status">
          <p>Sign-in settings saved.</p>
        </div>
      ) : null}
      <form {...formProps}>
        {version ? <input type="hidden" {...form.register('version')} defaultValue={version} /> : null}
        <Radios
          name="identityProviderRequired"
          legend="Must people sign in with their organisation account?"
          hint="Service-user representatives, who have no organisation account, always sign in with a password."
          options={[
            { value: 'yes', label: 'Yes, everyone but service-user representatives', hint: 'Passwords stop working for everyone else, and they need no set-password link.' },
            { value: 'no', label: 'No, passwords still work for everyone' },
          ]}
          defaultValue={required ? 'yes' : 'no'}
          error={fieldError('identityProviderRequired')}
          inputProps={form.register('identityProviderRequired')}
        />
        <Textarea
          id="allowedEmailDomains"
          label="Email domains whose people are added when they first sign in"
          hint="One per line, for example northbrook.nhs.uk. Someone from one of these domains whose email the identity provider has verified is added with no roles and no teams the first time they sign in. Do not list nhs.net: NHSmail is shared by the whole NHS, so anyone in England with an NHSmail address could join. Leave it empty to let in only people an administrator has added."
          rows={4}
          spellCheck={false}
          defaultValue={domains.join('\n')}
          error={fieldError('allowedEmailDomains')}
          {...form.register('allowedEmailDomains')}
        />
        <SubmitButton pending={pending}>Save sign-in settings</SubmitButton>
      </form>
    </>
  );
}
