'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { POLICY_GROUPS } from '@/components/settings/policy-labels';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { RequirementGroup } from '@/lib/generated/prisma/enums';
import { updateAgreementPolicy } from '@/lib/role-settings/actions';
import { updatePolicySchema } from '@/lib/roles/schemas';

type Minimums = Record<RequirementGroup, number>;

/** How many agreements each stakeholder group must give: one number per group, 0 for not required. */
export function PolicyForm({ teamId, minimums, children }: { teamId: string; minimums: Minimums; children?: ReactNode }) {
  const router = useRouter();
  const { form, formProps, pending, result, errorSummary: rawSummary, fieldError: rawAt } = useActionForm({
    schema: updatePolicySchema,
    action: updateAgreementPolicy,
    defaultValues: { teamId, minimums: Object.fromEntries(POLICY_GROUPS.map(({ group }) => [group, String(minimums[group])])) } as never,
    onSuccess: () => router.push(`/teams/${teamId}/policy?status=saved`),
  });
  // The schema's messages are the same for every group: name the group instead.
  const named = (path: string | undefined, message: string) => {
    const label = POLICY_GROUPS.find(({ group }) => path === `minimums.${group}`)?.label;
    return label ? `Enter a whole number from 0 to 20 for “${label}”` : message;
  };
  const summary = rawSummary.map((item) => ({ ...item, message: named(item.field, item.message) }));
  const at = (path: string) => {
    const message = rawAt(path);
    return message ? named(path, message) : undefined;
  };

  if (result?.ok) {
    return (
      <SavedBanner heading="Agreement policy saved" href={`/teams/${teamId}/policy`}>
        Go back to the agreement policy
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('teamId')} defaultValue={teamId} />
        <div className={`nhsuk-form-group${at('minimums') && !POLICY_GROUPS.some(({ group }) => at(`minimums.${group}`)) ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset className="nhsuk-fieldset" aria-describedby="minimums-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">How many people from each group must agree?</h2>
            </legend>
            <div className="nhsuk-hint" id="minimums-hint">
              Enter 0 when a group&apos;s agreement is not required. A version is Agreed once every group has at least this many agreements and no concern is open.
            </div>
            {POLICY_GROUPS.map(({ group, label, hint }) => (
              <TextInput
                key={group}
                id={`minimums.${group}`}
                label={label}
                hint={hint}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                width={2}
                defaultValue={String(minimums[group])}
                error={at(`minimums.${group}`)}
                {...form.register(`minimums.${group}` as never)}
              />
            ))}
          </fieldset>
        </div>
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save policy</SubmitButton>
          <Link className="nhsuk-link" href={`/teams/${teamId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** One click back to the organisation's default policy. */
export function UseDefaultPolicyForm({ teamId, defaults }: { teamId: string; defaults: Minimums }) {
  return (
    <ActionButtonForm
      schema={updatePolicySchema}
      action={updateAgreementPolicy}
      values={{ teamId, ...Object.fromEntries(POLICY_GROUPS.map(({ group }) => [`minimums.${group}`, defaults[group]])) }}
      label="Use the default policy"
      variant="secondary"
      successHref={() => `/teams/${teamId}/policy?status=default`}
      successMessage="This team now uses the default policy"
    />
  );
}
