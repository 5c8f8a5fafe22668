'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ButtonVariant } from '@/components/ui/button-link';
import { useActionForm } from '@/components/ui/use-action-form';

type Action<T> = (previous: ActionResult<T> | null, input: unknown) => Promise<ActionResult<T>>;

interface ActionButtonFormProps<Schema extends z.ZodType<FieldValues, FieldValues>, T> {
  schema: Schema;
  action: Action<T>;
  /** Hidden fields: the record's ids and `version`. */
  values: Record<string, string | number>;
  label: ReactNode;
  variant?: ButtonVariant;
  /** Where to go once it worked (with JavaScript), and the link offered without it. */
  successHref: (data: T) => string;
  successMessage: string;
  cancel?: { href: string; label: string };
  /** On a page of its own (a confirmation page) the success message becomes the page's h1. */
  standalone?: boolean;
  /** What the person is confirming: shown under the error summary, above the button. */
  children?: ReactNode;
}

/**
 * A form that is only a button: confirming a destructive change, or a one-click
 * one such as restoring a team. Hidden inputs carry ids and `version`, so a
 * change someone else made in the meantime comes back as a conflict.
 */
export function ActionButtonForm<Schema extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  action,
  values,
  label,
  variant = 'primary',
  successHref,
  successMessage,
  cancel,
  standalone = false,
  children,
}: ActionButtonFormProps<Schema, T>) {
  const router = useRouter();
  const { form, formProps, errorSummary, pending, result } = useActionForm({
    schema,
    action,
    defaultValues: values as never,
    onSuccess: (data) => router.push(successHref(data)),
  });

  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on).
    if (standalone) {
      return (
        <>
          <h1>{successMessage}</h1>
          <p>
            <Link href={successHref(result.data)}>Continue</Link>
          </p>
        </>
      );
    }
    return (
      <SavedBanner heading={successMessage} href={successHref(result.data)}>
        Continue
      </SavedBanner>
    );
  }

  // These forms have no fields to link to: every problem is a message.
  const errors = errorSummary.map((error) => ({ message: error.message }));
  return (
    <>
      <ErrorSummary errors={errors} />
      {children}
      <form {...formProps}>
        {Object.entries(values).map(([name, value]) => (
          <input type="hidden" key={name} {...form.register(name as never)} defaultValue={String(value)} />
        ))}
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending} variant={variant}>
            {label}
          </SubmitButton>
          {cancel ? (
            <Link className="nhsuk-link" href={cancel.href}>
              {cancel.label}
            </Link>
          ) : null}
        </div>
      </form>
    </>
  );
}
