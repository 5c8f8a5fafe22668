'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { TYPE_HINTS, TYPE_LABELS } from '@/components/supervision/labels';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { SupervisionType } from '@/lib/generated/prisma/enums';
import { addArrangement, createAgreement, endArrangement, signAgreement } from '@/lib/supervision/agreement-actions';
import { agreementPath, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { addArrangementSchema, createAgreementSchema, endArrangementSchema, signAgreementSchema } from '@/lib/supervision/schemas';

/* A supervision agreement's forms: each works as a plain form post without JavaScript. */

/** A manager sets up supervision for a placement: the agreement first, then its arrangements one type at a time. */
export function CreateAgreementForm({ placementId, children }: { placementId: string; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={createAgreementSchema}
      action={createAgreement}
      values={{ placementId }}
      label="Set up supervision"
      successHref={(data) => `${agreementPath(data.agreementId)}?saved=created`}
      successMessage="Supervision agreement set up"
      cancel={{ href: SUPERVISION_PATH, label: 'Cancel' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

/** The peer worker, or a supervisor for their own arrangements, signs the agreement. */
export function SignAgreementForm({ agreementId, version, label }: { agreementId: string; version: number; label: string }) {
  return (
    <ActionButtonForm
      schema={signAgreementSchema}
      action={signAgreement}
      values={{ agreementId, version }}
      label={label}
      successHref={(data) => `${agreementPath(data.agreementId)}?saved=signed`}
      successMessage="Agreement signed"
    />
  );
}

export function EndArrangementForm({ agreementId, arrangementId, version, children }: { agreementId: string; arrangementId: string; version: number; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={endArrangementSchema}
      action={endArrangement}
      values={{ arrangementId, version }}
      label="End this supervision"
      variant="warning"
      successHref={(data) => `${agreementPath(data.agreementId)}?saved=arrangement-ended`}
      successMessage="Supervision arrangement ended"
      cancel={{ href: agreementPath(agreementId), label: 'Keep it' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

/** Adds one type of supervision: from whom (by email), every how many weeks, and when the first is due. */
export function AddArrangementForm({ agreementId, version, peerWorkerName, types }: { agreementId: string; version: number; peerWorkerName: string; types: SupervisionType[] }) {
  const router = useRouter();
  const back = agreementPath(agreementId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addArrangementSchema,
    action: addArrangement,
    defaultValues: { agreementId, version, type: undefined, supervisorEmail: '', everyWeeks: '', startsOn: { day: '', month: '', year: '' } } as never,
    onSuccess: (data) => {
      router.push(`${agreementPath(data.agreementId)}?saved=arrangement-added`);
      router.refresh();
    },
    anchor: (path) => (path.startsWith('startsOn') ? 'startsOn-day' : path),
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Supervision added to the agreement" href={back}>
        Go back to the agreement
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...register('agreementId')} defaultValue={agreementId} />
        <input type="hidden" {...register('version')} defaultValue={version} />
        <Radios
          name="type"
          legend="Type of supervision"
          hint={`One of each type at a time. ${peerWorkerName} signs the agreement again after it changes.`}
          options={types.map((type) => ({ value: type, label: TYPE_LABELS[type], hint: TYPE_HINTS[type] }))}
          error={fieldError('type')}
          inputProps={register('type')}
        />
        <TextInput
          id="supervisorEmail"
          label="Supervisor’s email address"
          hint="They need a PeerRoles account. They sign for their part of the agreement and record sessions with the peer worker."
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('supervisorEmail')}
          {...register('supervisorEmail')}
        />
        <TextInput id="everyWeeks" label="How often, in weeks" hint="For example, 4 for a session every 4 weeks." width={2} inputMode="numeric" error={fieldError('everyWeeks')} {...register('everyWeeks')} />
        <DateInput name="startsOn" legend="When is the first session due?" hint="For example, 14 1 2027" error={fieldError('startsOn')} register={(part) => register(`startsOn.${part}`) as UseFormRegisterReturn} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Add this supervision</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
