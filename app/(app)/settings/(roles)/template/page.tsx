import type { Metadata } from 'next';
import { TemplateForm } from '@/components/roles/template-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { requirePermission } from '@/lib/auth/load';
import { currentTemplate } from '@/lib/roles/template';

export const metadata: Metadata = { title: 'Role description template' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TemplatePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('role.template.manage');
  const query = await searchParams;
  const template = await currentTemplate();

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          { href: '/settings', label: 'Settings' },
        ]}
      />
      {query.status === 'saved' ? <NotificationBanner type="success" heading="Template saved" /> : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {/* Keyed by version: after a save the form starts again from the saved template and its new version. */}
          <TemplateForm
            key={template.version}
            template={{
              version: template.version,
              purpose: template.content.purpose.text,
              training: template.content.training.text,
              progression: template.content.progression.text,
              valueOptions: template.valueOptions,
              notPartOptions: template.notPartOptions,
              notPartStarting: template.content.notPart.items,
            }}
          >
            <h1>Role description template</h1>
            <p>Managers start every new peer worker role description from this template, and choose from its lists whenever they edit one.</p>
          </TemplateForm>
        </div>
      </div>
    </>
  );
}
