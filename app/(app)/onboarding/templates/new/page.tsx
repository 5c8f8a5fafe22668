import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TemplateForm } from '@/components/onboarding/template-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { keepsTemplates } from '@/lib/onboarding/template-queries';

export const metadata: Metadata = { title: 'Add an onboarding template' };

export default async function NewTemplatePage() {
  const user = await requireUser();
  if (!keepsTemplates(user)) notFound();
  return (
    <>
      <BackLink href="/onboarding/templates">Back to onboarding templates</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Add an onboarding template</h1>
          <p>Give the template a name first. You add its tasks on the next page.</p>
          <TemplateForm />
        </div>
      </div>
    </>
  );
}
