'use client';

import type { ReactNode } from 'react';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { templatePath } from '@/lib/onboarding/paths';
import { archiveTemplateSchema, removeTemplateTaskSchema } from '@/lib/onboarding/schemas';
import { archiveTemplate, removeTemplateTask } from '@/lib/onboarding/template-actions';

/* The templates' confirmation pages: each posts ids and the template's version, and works without JavaScript. */

export function ArchiveTemplateForm({ templateId, version, children }: { templateId: string; version: number; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={archiveTemplateSchema}
      action={archiveTemplate}
      values={{ templateId, version }}
      label="Archive this template"
      variant="warning"
      successHref={() => '/onboarding/templates?saved=archived'}
      successMessage="Template archived"
      cancel={{ href: templatePath(templateId), label: 'Keep it' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

export function RemoveTemplateTaskForm({ templateId, templateTaskId, version, children }: { templateId: string; templateTaskId: string; version: number; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={removeTemplateTaskSchema}
      action={removeTemplateTask}
      values={{ templateId, templateTaskId, version }}
      label="Remove the task"
      variant="warning"
      successHref={(data) => `${templatePath(data.templateId)}?saved=removed`}
      successMessage="Task removed"
      cancel={{ href: templatePath(templateId), label: 'Keep it' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}
