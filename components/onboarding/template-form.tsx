'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Select, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ServiceType } from '@/lib/generated/prisma/enums';
import { templatePath } from '@/lib/onboarding/paths';
import { saveTemplateSchema } from '@/lib/onboarding/schemas';
import { saveTemplate } from '@/lib/onboarding/template-actions';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

const TEMPLATES_PATH = '/onboarding/templates';

export interface TemplateValues {
  id: string;
  name: string;
  serviceType: ServiceType | null;
  version: number;
}

/** Adds a template, or changes a template's name and service type. */
export function TemplateForm({ template }: { template?: TemplateValues }) {
  const router = useRouter();
  const back = template ? templatePath(template.id) : TEMPLATES_PATH;
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: saveTemplateSchema,
    action: saveTemplate,
    defaultValues: { templateId: template?.id, version: template?.version, name: template?.name ?? '', serviceType: template?.serviceType ?? '' } as never,
    onSuccess: (data) => {
      router.push(`${templatePath(data.templateId)}?saved=template`);
      router.refresh();
    },
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading={template ? 'Template saved' : 'Template added'} href={templatePath(result.data.templateId)}>
        Go to the template
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        {template ? (
          <>
            <input type="hidden" {...form.register('templateId')} defaultValue={template.id} />
            <input type="hidden" {...form.register('version')} defaultValue={template.version} />
          </>
        ) : null}
        <TextInput id="name" label="Name of the template" hint="Managers choose a template by this name when they start a placement, like “Community mental health peer worker”." defaultValue={template?.name ?? ''} error={fieldError('name')} {...form.register('name')} />
        <Select
          id="serviceType"
          label="Service type (optional)"
          hint="Choose a service type if the template is meant for one kind of team. Leave it as “Any service” if it suits every team."
          placeholder="Any service"
          options={(Object.keys(SERVICE_TYPE_LABELS) as ServiceType[]).map((serviceType) => ({ value: serviceType, label: SERVICE_TYPE_LABELS[serviceType] }))}
          defaultValue={template?.serviceType ?? ''}
          error={fieldError('serviceType')}
          {...form.register('serviceType')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>{template ? 'Save changes' : 'Add the template'}</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
