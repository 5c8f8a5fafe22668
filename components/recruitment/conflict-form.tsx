'use client';

import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ConflictKind } from '@/lib/generated/prisma/enums';
import { CONFLICT_LABELS } from '@/lib/recruitment/labels';
import { declareConflict } from '@/lib/recruitment/panel-actions';
import { declareConflictSchema } from '@/lib/recruitment/schemas';

/** A panel member declares how they know one candidate, from the list of names. */
export function ConflictForm({ vacancyId, declarationKey, name, kind, note }: { vacancyId: string; declarationKey: string; name: string; kind?: ConflictKind; note?: string | null }) {
  const router = useRouter();
  const prefix = `conflict-${declarationKey}`;
  const { form, formProps, fieldError, errorSummary, pending } = useActionForm({
    schema: declareConflictSchema,
    action: declareConflict,
    defaultValues: { vacancyId, declarationKey, kind, note: note ?? '' },
    onSuccess: () => router.refresh(),
    anchor: (path) => `${prefix}-${path}`,
  });
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('vacancyId')} defaultValue={vacancyId} />
        <input type="hidden" {...form.register('declarationKey')} defaultValue={declarationKey} />
        <Radios
          name={`${prefix}-kind`}
          legend={`How do you know ${name}?`}
          options={(Object.keys(CONFLICT_LABELS) as ConflictKind[]).map((value) => ({ value, label: CONFLICT_LABELS[value] }))}
          defaultValue={kind}
          error={fieldError('kind')}
          inputProps={{ ...form.register('kind'), name: 'kind' }}
        />
        <TextInput id={`${prefix}-note`} label="Anything the chair should know (optional)" error={fieldError('note')} {...form.register('note')} />
        <SubmitButton pending={pending} variant="secondary">
          {kind ? 'Change the declaration' : 'Declare a conflict'}
          <span className="nhsuk-u-visually-hidden"> about {name}</span>
        </SubmitButton>
      </form>
    </>
  );
}
