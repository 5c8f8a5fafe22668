'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Textarea } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { updateRoleTemplate } from '@/lib/roles/actions';
import { updateTemplateSchema } from '@/lib/roles/schemas';

export interface TemplateValues {
  version: number;
  purpose: string;
  training: string;
  progression: string;
  valueOptions: string[];
  notPartOptions: string[];
  /** The examples a new role description starts with already listed. */
  notPartStarting: string[];
}

/**
 * The role description template and its seeded lists. `version` is the
 * template's optimistic lock: a save based on an older template is refused and
 * the administrator's text stays in the form.
 */
export function TemplateForm({ template, children }: { template: TemplateValues; children?: ReactNode }) {
  const router = useRouter();
  const defaults = {
    version: template.version,
    purpose: template.purpose,
    training: template.training,
    progression: template.progression,
    valueOptions: template.valueOptions.join('\n'),
    notPartOptions: template.notPartOptions.join('\n'),
  };
  const { form, formProps, pending, result, errorSummary: summary, fieldError } = useActionForm({
    schema: updateTemplateSchema,
    action: updateRoleTemplate,
    defaultValues: defaults,
    onSuccess: () => router.push('/settings/template?status=saved'),
    // A too-long line is reported at `valueOptions.<line>`: the summary links to the whole list.
    anchor: (path) => path.split('.')[0],
  });

  if (result?.ok) {
    return (
      <SavedBanner heading="Template saved" href="/settings/template">
        Go back to the template
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('version')} defaultValue={template.version} />
        <h2>Starting text</h2>
        <p>New role descriptions start with this text. Managers change it for their team; changing it here does not change roles already started.</p>
        <Textarea id="purpose" label="Purpose of the role" rows={5} defaultValue={defaults.purpose} error={fieldError('purpose')} {...form.register('purpose')} />
        <Textarea id="training" label="Training and development" rows={4} defaultValue={defaults.training} error={fieldError('training')} {...form.register('training')} />
        <Textarea id="progression" label="Progression" rows={3} defaultValue={defaults.progression} error={fieldError('progression')} {...form.register('progression')} />

        <h2>Lists managers choose from</h2>
        <Textarea
          id="valueOptions"
          label="Peer support values"
          hint="One value per line, up to 30. Managers tick the values their role stands for, and can add their own. A new role description starts with all of them ticked."
          rows={10}
          spellCheck
          defaultValue={defaults.valueOptions}
          error={fieldError('valueOptions')}
          {...form.register('valueOptions')}
        />
        <Textarea
          id="notPartOptions"
          label="Examples of what the role is not"
          hint={
            <>
              One example per line, up to 40. Managers choose from these when they write the &ldquo;What the role is not&rdquo; section.
              {template.notPartStarting.length > 0 ? (
                <> A new role description starts with {template.notPartStarting.map((item) => `“${item}”`).join(', ')} already listed: remove one here to stop that.</>
              ) : null}
            </>
          }
          rows={8}
          defaultValue={defaults.notPartOptions}
          error={fieldError('notPartOptions')}
          {...form.register('notPartOptions')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save template</SubmitButton>
          <Link className="nhsuk-link" href="/settings">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
