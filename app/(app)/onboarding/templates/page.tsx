import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/load';
import { templatePath } from '@/lib/onboarding/paths';
import { loadTemplates, type TemplateSummary } from '@/lib/onboarding/template-queries';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

export const metadata: Metadata = { title: 'Onboarding templates' };

const SAVED: Record<string, string> = {
  archived: 'Template archived. Plans already made from it are unchanged.',
};

function TemplateTable({ caption, templates }: { caption: string; templates: TemplateSummary[] }) {
  return (
    <Table
      caption={caption}
      captionHidden
      responsive
      firstCellIsHeader
      columns={[{ header: 'Template' }, { header: 'Service type' }, { header: 'Tasks', numeric: true }]}
      rows={templates.map((template) => ({
        key: template.id,
        cells: [
          <Link key="name" href={templatePath(template.id)}>
            {template.name}
          </Link>,
          template.serviceType ? SERVICE_TYPE_LABELS[template.serviceType] : 'Any service',
          String(template._count.tasks),
        ],
      }))}
    />
  );
}

/** The organisation's onboarding templates, for the administrators who keep them. */
export default async function TemplatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const templates = await loadTemplates(user);
  if (!templates) notFound();
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/onboarding', label: 'Onboarding' }]} />
      <h1>Onboarding templates</h1>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <p>A template is the list of tasks a new peer worker’s onboarding plan starts with: what the team prepares before they start, their induction, training, systems access, supervision, introductions and first reviews.</p>
      <p>When a manager starts a placement, they choose a template and the plan copies its tasks, with due dates counted from the start date. Changing a template later does not change plans already started.</p>
      <ButtonLink href="/onboarding/templates/new">Add a template</ButtonLink>

      <h2>Templates in use</h2>
      {templates.current.length === 0 ? (
        <p>There are no templates in use. Add one so that managers can start placements.</p>
      ) : (
        <TemplateTable caption="Templates in use" templates={templates.current} />
      )}

      {templates.archived.length > 0 ? (
        <>
          <h2>Archived templates</h2>
          <p>Managers can no longer choose these. Plans already made from them are unchanged.</p>
          <TemplateTable caption="Archived templates" templates={templates.archived} />
        </>
      ) : null}
    </>
  );
}
