'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { checkPath } from '@/components/roles/paths';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';
import { sendExpectationsCheck } from '@/lib/expectations/actions';
import { sendExpectationsCheckSchema } from '@/lib/expectations/schemas';

export interface StakeholderChoice {
  id: string;
  name: string;
  jobTitle: string | null;
}

export interface StakeholderGroupChoices {
  group: StakeholderGroup;
  label: string;
  hint: string;
  people: StakeholderChoice[];
}

/**
 * Choosing who answers: one fieldset per stakeholder group, so that each
 * checkbox is announced with its group, all posting `userIds`. The first
 * checkbox has the id `userIds` for the error summary's link.
 */
export function SendCheckForm({ teamId, roleId, groups, cancelHref, children }: { teamId: string; roleId: string; groups: StakeholderGroupChoices[]; cancelHref: string; children?: ReactNode }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: sendExpectationsCheckSchema,
    action: sendExpectationsCheck,
    defaultValues: { roleId, userIds: [] },
    onSuccess: (data) => router.push(`${checkPath(teamId, roleId, data.checkId)}?status=sent`),
  });

  if (result?.ok) {
    return (
      <SavedBanner heading="Expectations check sent" href={checkPath(teamId, roleId, result.data.checkId)}>
        Go to the expectations check
      </SavedBanner>
    );
  }

  const error = fieldError('userIds');
  const firstId = groups.find((group) => group.people.length > 0)?.people[0]?.id;
  const described = ['userIds-hint', error ? 'userIds-error' : null].filter(Boolean).join(' ');
  const registration = form.register('userIds');
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('roleId')} defaultValue={roleId} />
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <h2 className="nhsuk-heading-m">Who should answer?</h2>
          <div className="nhsuk-hint" id="userIds-hint">
            Ask people from every group, so that differences between groups show up. Select all that apply.
          </div>
          {error ? (
            <span className="nhsuk-error-message" id="userIds-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          ) : null}
          {groups.map((group) => (
            <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5" key={group.group} aria-describedby={described}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                {group.label} <span className="nhsuk-u-secondary-text-colour">({group.people.length})</span>
              </legend>
              <div className="nhsuk-hint">{group.hint}</div>
              {group.people.length === 0 ? (
                <p className="nhsuk-u-secondary-text-colour">Nobody in this group can be asked.</p>
              ) : (
                <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                  {group.people.map((person) => {
                    const id = person.id === firstId ? 'userIds' : `userIds-${person.id}`;
                    return (
                      <div className="nhsuk-checkboxes__item" key={person.id}>
                        <input className="nhsuk-checkboxes__input" id={id} type="checkbox" value={person.id} aria-describedby={person.jobTitle ? `${id}-item-hint` : undefined} {...registration} />
                        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                          {person.name}
                        </label>
                        {person.jobTitle ? (
                          <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
                            {person.jobTitle}
                          </div>
                        ) : null}
                      </div>
                    );
                  })}
                </div>
              )}
            </fieldset>
          ))}
        </div>
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Send the expectations check</SubmitButton>
          <Link className="nhsuk-link" href={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
