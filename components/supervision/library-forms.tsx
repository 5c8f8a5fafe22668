'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { SCOPE_LABELS } from '@/components/supervision/labels';
import { entryPath, REVIEW_PATH } from '@/components/supervision/library-paths';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Checkboxes, Radios, Textarea, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { LibraryScope } from '@/lib/generated/prisma/enums';
import { proposeEntry, reviewEntry, withdrawEntry } from '@/lib/supervision/library-actions';
import { LIBRARY_PATH } from '@/lib/supervision/paths';
import { proposeEntrySchema, reviewEntrySchema, withdrawEntrySchema } from '@/lib/supervision/schemas';

/* The peer practice library's forms: proposing a reflection, reviewing one, withdrawing your own. */

/** A peer worker proposes a reflection: published only once they confirm it identifies nobody and a peer supervisor approves it. */
export function ProposeEntryForm({ sessionId, teamName }: { sessionId: string | null; teamName: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: proposeEntrySchema,
    action: proposeEntry,
    defaultValues: { sessionId: sessionId ?? '', scope: undefined, title: '', situation: '', whatIDid: '', whatILearned: '', tags: '', showName: undefined, confirmedNoIdentifiers: false } as never,
    onSuccess: (data) => router.push(`${entryPath(data.entryId)}?saved=proposed`),
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Entry proposed: a peer supervisor reviews it before it is published" href={entryPath(result.data.entryId)}>
        See your entry
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        {sessionId ? <input type="hidden" {...register('sessionId')} defaultValue={sessionId} /> : null}
        <TextInput id="title" label="Title" hint="What the reflection is about, in a few words." error={fieldError('title')} {...register('title')} />
        <Textarea
          id="situation"
          label="The situation, in general terms"
          hint="No names, places, dates or details that someone could recognise: of the people you support, your colleagues or yourself."
          rows={6}
          error={fieldError('situation')}
          {...register('situation')}
        />
        <Textarea id="whatIDid" label="What you did as a peer" rows={6} error={fieldError('whatIDid')} {...register('whatIDid')} />
        <Textarea id="whatILearned" label="What you learned" rows={6} error={fieldError('whatILearned')} {...register('whatILearned')} />
        <TextInput id="tags" label="Tags (optional)" hint="Separated by commas, like: boundaries, sharing my story, team meetings." error={fieldError('tags')} {...register('tags')} />
        <Radios
          name="scope"
          legend="Who can read it once it is published?"
          options={(['TEAM', 'ORGANISATION'] as LibraryScope[]).map((scope) => ({ value: scope, label: scope === 'TEAM' ? `Your team, ${teamName}` : SCOPE_LABELS[scope] }))}
          error={fieldError('scope')}
          inputProps={register('scope')}
        />
        <Radios
          name="showName"
          legend="Show your name with it?"
          inline
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No, publish it without my name' },
          ]}
          error={fieldError('showName')}
          inputProps={register('showName')}
        />
        <Checkboxes
          name="confirmedNoIdentifiers"
          legend="Before you send it"
          options={[{ value: 'yes', label: 'I confirm it identifies nobody', hint: 'A peer supervisor checks it too before it is published. You can withdraw it at any time.' }]}
          error={fieldError('confirmedNoIdentifiers')}
          inputProps={register('confirmedNoIdentifiers')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Propose the entry</SubmitButton>
          <Link className="nhsuk-link" href={LIBRARY_PATH}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** The author withdraws their entry: proposed or published, it leaves the library. */
export function WithdrawEntryForm({ entryId, version }: { entryId: string; version: number }) {
  return (
    <ActionButtonForm
      schema={withdrawEntrySchema}
      action={withdrawEntry}
      values={{ entryId, version }}
      label="Withdraw this entry"
      variant="warning"
      successHref={(data) => `${entryPath(data.entryId)}?saved=withdrawn`}
      successMessage="Entry withdrawn"
    />
  );
}

/** A peer supervisor (not the author) approves a proposal, which publishes it, or declines it. */
export function ReviewEntryForms({ entryId, version }: { entryId: string; version: number }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-one-half">
        <ActionButtonForm
          schema={reviewEntrySchema}
          action={reviewEntry}
          values={{ entryId, version, decision: 'APPROVE' }}
          label="Approve and publish"
          successHref={() => `${REVIEW_PATH}?saved=approved`}
          successMessage="Entry approved and published"
        />
      </div>
      <div className="nhsuk-grid-column-one-half">
        <ActionButtonForm
          schema={reviewEntrySchema}
          action={reviewEntry}
          values={{ entryId, version, decision: 'DECLINE' }}
          label="Decline"
          variant="secondary"
          successHref={() => `${REVIEW_PATH}?saved=declined`}
          successMessage="Entry declined"
        />
      </div>
    </div>
  );
}
