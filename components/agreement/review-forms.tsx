'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { versionPath } from '@/components/roles/paths';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Select, Textarea } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';
import { agreeVersion, inviteReviewers, raiseConcern, replyToConcern, resolveConcern } from '@/lib/agreement/actions';
import { ROLE_SECTIONS } from '@/lib/roles/rules';
import { agreeVersionSchema, inviteReviewersSchema, raiseConcernSchema, replyToConcernSchema, resolveConcernSchema } from '@/lib/agreement/schemas';

interface VersionRef {
  teamId: string;
  roleId: string;
  number: number;
  versionId: string;
}

function Done({ href, heading, link }: { href: string; heading: string; link: string }) {
  return (
    <SavedBanner heading={heading} href={href}>
      {link}
    </SavedBanner>
  );
}

/** The last step of agreeing: a confirmation page's one button. */
export function AgreeVersionForm({ version, children }: { version: VersionRef; children?: ReactNode }) {
  const page = versionPath(version.teamId, version.roleId, version.number);
  return (
    <ActionButtonForm
      schema={agreeVersionSchema}
      action={agreeVersion}
      values={{ versionId: version.versionId }}
      label="Yes, I agree this version"
      successHref={(data) => `${page}?status=${data.status === 'AGREED' ? 'agreed-final' : 'agreed'}`}
      successMessage={`You agreed version ${version.number}`}
      cancel={{ href: page, label: 'Cancel' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

export function RaiseConcernForm({ version, section, children }: { version: VersionRef; section: string; children?: ReactNode }) {
  const router = useRouter();
  const page = versionPath(version.teamId, version.roleId, version.number);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: raiseConcernSchema,
    action: raiseConcern,
    defaultValues: { versionId: version.versionId, section: section as never, comment: '' },
    onSuccess: () => router.push(`${page}?status=concern-raised#concerns`),
  });
  if (result?.ok) return <Done href={`${page}?status=concern-raised#concerns`} heading="Concern raised" link={`Return to version ${version.number}`} />;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('versionId')} defaultValue={version.versionId} />
        <Select
          id="section"
          label="Which section is it about?"
          placeholder="Select a section"
          options={ROLE_SECTIONS.map((item) => ({ value: item.key, label: item.title }))}
          defaultValue={section}
          error={fieldError('section')}
          {...form.register('section')}
        />
        <Textarea
          id="comment"
          label="What is your concern?"
          hint="Say what you would change and why. The manager and the other reviewers will see it, with your name."
          rows={8}
          error={fieldError('comment')}
          {...form.register('comment')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Raise concern</SubmitButton>
          <Link className="nhsuk-link" href={page}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function ReplyToConcernForm({ version, concernId }: { version: VersionRef; concernId: string }) {
  const router = useRouter();
  const page = versionPath(version.teamId, version.roleId, version.number);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: replyToConcernSchema,
    action: replyToConcern,
    defaultValues: { concernId, body: '' },
    onSuccess: () => router.push(`${page}?status=replied#concern-${concernId}`),
  });
  if (result?.ok) return <Done href={`${page}?status=replied#concern-${concernId}`} heading="Reply sent" link={`Return to version ${version.number}`} />;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('concernId')} defaultValue={concernId} />
        <Textarea id="body" label="Your reply" labelIsPageHeading={false} hint="Everyone reviewing this version will see it, with your name." rows={6} error={fieldError('body')} {...form.register('body')} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Send reply</SubmitButton>
          <Link className="nhsuk-link" href={`${page}#concern-${concernId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

const reasonRequired = resolveConcernSchema.extend({
  reason: z
    .string({ error: 'Enter why you are resolving a concern someone else raised' })
    .trim()
    .min(1, 'Enter why you are resolving a concern someone else raised')
    .max(2000, 'Reason must be 2000 characters or fewer'),
});

/** Resolving: a reason is required when it is someone else's concern (the manager's prerogative), optional for your own. */
export function ResolveConcernForm({ version, concernId, ownConcern, children }: { version: VersionRef; concernId: string; ownConcern: boolean; children?: ReactNode }) {
  const router = useRouter();
  const page = versionPath(version.teamId, version.roleId, version.number);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: ownConcern ? resolveConcernSchema : reasonRequired,
    action: resolveConcern,
    defaultValues: { concernId, reason: '' },
    onSuccess: () => router.push(`${page}?status=concern-resolved#concern-${concernId}`),
  });
  if (result?.ok) return <Done href={`${page}?status=concern-resolved#concern-${concernId}`} heading="Concern resolved" link={`Return to version ${version.number}`} />;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('concernId')} defaultValue={concernId} />
        <Textarea
          id="reason"
          label={ownConcern ? 'How was it resolved? (optional)' : 'Why are you resolving it?'}
          hint={
            ownConcern
              ? 'For example, what was agreed or changed. Everyone reviewing this version will see it.'
              : 'You are resolving a concern someone else raised, so say why: for example what was changed in the next version, or what was agreed with them. They and the other reviewers will see it.'
          }
          rows={5}
          error={fieldError('reason')}
          {...form.register('reason')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Resolve concern</SubmitButton>
          <Link className="nhsuk-link" href={`${page}#concern-${concernId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export interface Stakeholder {
  id: string;
  name: string;
  jobTitle: string | null;
  group: StakeholderGroup;
}

/**
 * Choose reviewers, grouped by the stakeholder group they would review for.
 * People already invited are listed as such, without a checkbox.
 */
export function InviteReviewersForm({
  version,
  groups,
  children,
}: {
  version: VersionRef;
  groups: ReadonlyArray<{ group: StakeholderGroup; heading: string; requirement: string | null; people: ReadonlyArray<Stakeholder & { invited: boolean; agreed: boolean }> }>;
  children?: ReactNode;
}) {
  const router = useRouter();
  const page = versionPath(version.teamId, version.roleId, version.number);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: inviteReviewersSchema,
    action: inviteReviewers,
    defaultValues: { versionId: version.versionId, userIds: [] as string[] },
    onSuccess: (data) => router.push(`${page}?status=invited&count=${data.invited}#agreement`),
  });
  if (result?.ok) return <Done href={`${page}?status=invited&count=${result.data.invited}#agreement`} heading="Reviewers invited" link={`Return to version ${version.number}`} />;
  const error = fieldError('userIds');
  const selectable = groups.flatMap((group) => group.people.filter((person) => !person.invited));
  const firstId = selectable[0]?.id;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      {selectable.length === 0 ? (
        <p>Everyone who could review this version has already been invited.</p>
      ) : (
        <form {...formProps}>
          <input type="hidden" {...form.register('versionId')} defaultValue={version.versionId} />
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            {error ? (
              <span className="nhsuk-error-message" id="userIds-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            ) : null}
            {groups.map((group) => {
              const open = group.people.filter((person) => !person.invited);
              const invited = group.people.filter((person) => person.invited);
              const hintId = `group-${group.group}-hint`;
              return (
                <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5" key={group.group} aria-describedby={[group.requirement ? hintId : null, error ? 'userIds-error' : null].filter(Boolean).join(' ') || undefined}>
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{group.heading}</legend>
                  {group.requirement ? (
                    <div className="nhsuk-hint" id={hintId}>
                      {group.requirement}
                    </div>
                  ) : null}
                  {invited.length > 0 ? (
                    <ul className="nhsuk-list">
                      {invited.map((person) => (
                        <li key={person.id}>
                          {person.name}
                          {person.jobTitle ? <span className="nhsuk-u-secondary-text-colour">, {person.jobTitle}</span> : null}{' '}
                          <strong className={`nhsuk-tag ${person.agreed ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>{person.agreed ? 'Agreed' : 'Invited'}</strong>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {open.length === 0 ? (
                    invited.length === 0 ? <p className="nhsuk-u-secondary-text-colour">Nobody in this group can be invited.</p> : null
                  ) : (
                    <div className="nhsuk-checkboxes">
                      {open.map((person) => {
                        const inputId = person.id === firstId ? 'userIds' : `reviewer-${person.id}`;
                        return (
                          <div className="nhsuk-checkboxes__item" key={person.id}>
                            <input className="nhsuk-checkboxes__input" id={inputId} type="checkbox" value={person.id} aria-describedby={person.jobTitle ? `${inputId}-hint` : undefined} {...form.register('userIds')} />
                            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                              {person.name}
                            </label>
                            {person.jobTitle ? (
                              <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${inputId}-hint`}>
                                {person.jobTitle}
                              </div>
                            ) : null}
                          </div>
                        );
                      })}
                    </div>
                  )}
                </fieldset>
              );
            })}
          </div>
          <div className="nhsuk-button-group">
            <SubmitButton pending={pending}>Invite selected reviewers</SubmitButton>
            <Link className="nhsuk-link" href={page}>
              Cancel
            </Link>
          </div>
        </form>
      )}
    </>
  );
}
