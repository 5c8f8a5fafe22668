'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useActionState, useState, useTransition } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action';
import { collectFormErrors } from '@/components/ui/form-errors';
import { useErrorTitle } from '@/components/ui/use-error-title';

type Action<T> = (previous: ActionResult<T> | null, input: unknown) => Promise<ActionResult<T>>;

/**
 * One form, validated twice with the same zod schema: in the browser by
 * react-hook-form, and again on the server by the action. Without JavaScript the
 * <form action> posts to the server action and its result still renders
 * (`formAction`). Server field errors land on the same fields; anything else goes
 * to the error summary.
 */
export function useActionForm<Schema extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  action,
  defaultValues,
  onSuccess,
  anchor,
}: {
  schema: Schema;
  action: Action<T>;
  defaultValues: DefaultValues<z.input<Schema>>;
  onSuccess?: (data: T) => void;
  /** Maps an error's field path to the id the error summary links to (default: the path itself). */
  anchor?: (path: string) => string | undefined;
}) {
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    // raw: the action gets the values as entered and parses them itself; schemas that
    // transform (lines to arrays, '' to null) would not accept their own output.
    resolver: zodResolver(schema as never, undefined, { raw: true }) as never,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The NHS pattern: focus moves to the error summary, which links to each field.
    shouldFocusError: false,
  });
  const [noScriptResult, formAction] = useActionState(action, null);
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const current = result ?? noScriptResult;

  const onSubmit = form.handleSubmit((values) => {
    startTransition(async () => {
      const outcome = await action(null, values);
      setResult(outcome);
      if (outcome.ok) {
        onSuccess?.(outcome.data);
        return;
      }
      for (const [field, messages] of Object.entries(outcome.fieldErrors ?? {})) {
        form.setError(field as Path<z.input<Schema>>, { type: 'server', message: messages[0] });
      }
    });
  });

  const { summary, at: fieldError } = collectFormErrors(form.formState.errors, current, anchor);
  // NHS pattern: while the form shows errors, the page title starts with "Error: ".
  useErrorTitle(summary.length > 0);

  return {
    form,
    /** Spread on <form>: works with and without JavaScript. */
    formProps: { action: formAction, onSubmit, noValidate: true } as const,
    fieldError,
    errorSummary: summary,
    pending: pending || form.formState.isSubmitting,
    result: current,
  };
}
