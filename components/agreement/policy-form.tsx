'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { EXPECTATIONS_SETTINGS, POLICY_GROUPS, type ExpectationsSettings } from '@/components/agreement/policy-labels';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { RequirementGroup } from '@/lib/generated/prisma/enums';
import { updateAgreementPolicy } from '@/lib/agreement/policy-actions';
import { updatePolicySchema } from '@/lib/agreement/schemas';

type Minimums = Record<RequirementGroup, number>;

/**
 * The team's agreement policy: how many agreements each stakeholder group must
 * give (0 for not required), and what the expectations check must show first.
 * The team's `version` rides along, so a policy saved by someone else in the
 * meantime comes back as a conflict rather than being overwritten.
 */
export function PolicyForm({
  teamId,
  version,
  minimums,
  settings,
  children,
}: {
  teamId: string;
  version: number;
  minimums: Minimums;
  settings: ExpectationsSettings;
  children?: ReactNode;
}) {
  const router = useRouter();
  const { form, formProps, pending, result, errorSummary: rawSummary, fieldError: rawAt } = useActionForm({
    schema: updatePolicySchema,
    action: updateAgreementPolicy,
    defaultValues: {
      teamId,
      version: String(version),
      minimums: Object.fromEntries(POLICY_GROUPS.map(({ group }) => [group, String(minimums[group])])),
      // A ticked box sends "yes"; an unticked one sends nothing (false from react-hook-form).
      requireExpectationsCheck: settings.requireExpectationsCheck ? 'yes' : false,
      requireContestedSettled: settings.requireContestedSettled ? 'yes' : false,
    } as never,
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
  const settingsError = EXPECTATIONS_SETTINGS.map(({ name }) => at(name)).find(Boolean);

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
        <input type="hidden" {...form.register('version')} defaultValue={String(version)} />
        <div className={`nhsuk-form-group${at('minimums') && !POLICY_GROUPS.some(({ group }) => at(`minimums.${group}`)) ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset className="nhsuk-fieldset" aria-describedby="minimums-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">How many people from each group must agree?</h2>
            </legend>
            <div className="nhsuk-hint" id="minimums-hint">
              Enter 0 when a group&apos;s agreement is not required. A version is Agreed once every group has at least this many agreements, no concern is open and what you
              choose below about the expectations check holds.
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
        <div className={`nhsuk-form-group${settingsError ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset className="nhsuk-fieldset" aria-describedby={['expectations-hint', settingsError ? 'expectations-error' : null].filter(Boolean).join(' ')}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">What must the expectations check show first?</h2>
            </legend>
            <div className="nhsuk-hint" id="expectations-hint">
              Select all that apply. The expectations check asks each group which activities they expect to be part of the role, and flags the ones where groups disagree.
            </div>
            {settingsError ? (
              <span className="nhsuk-error-message" id="expectations-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {settingsError}
              </span>
            ) : null}
            <div className="nhsuk-checkboxes">
              {EXPECTATIONS_SETTINGS.map(({ name, label, hint }) => (
                <div className="nhsuk-checkboxes__item" key={name}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={name}
                    type="checkbox"
                    value="yes"
                    defaultChecked={settings[name]}
                    aria-describedby={`${name}-item-hint`}
                    {...form.register(name)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={name}>
                    {label}
                  </label>
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${name}-item-hint`}>
                    {hint}
                  </div>
                </div>
              ))}
            </div>
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

/** One click back to the organisation's default policy, both who must agree and what the expectations check must show. */
export function UseDefaultPolicyForm({ teamId, version, defaults, settings }: { teamId: string; version: number; defaults: Minimums; settings: ExpectationsSettings }) {
  return (
    <ActionButtonForm
      schema={updatePolicySchema}
      action={updateAgreementPolicy}
      values={{
        teamId,
        version,
        ...Object.fromEntries(POLICY_GROUPS.map(({ group }) => [`minimums.${group}`, defaults[group]])),
        // Unticked boxes post nothing: only the ones the default ticks are sent.
        ...Object.fromEntries(EXPECTATIONS_SETTINGS.filter(({ name }) => settings[name]).map(({ name }) => [name, 'yes'])),
      }}
      label="Use the default policy"
      variant="secondary"
      successHref={() => `/teams/${teamId}/policy?status=default`}
      successMessage="This team now uses the default policy"
    />
  );
}
