import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { loadRole } from '@/lib/roles/load';
import { rolePath } from '@/components/roles/paths';
import { SectionForm } from '@/components/roles/section-form';
import { BackLink } from '@/components/ui/back-link';
import { ROLE_SECTION_KEYS, sectionTitle, type RoleSectionKey } from '@/lib/roles/rules';
import { getDraft } from '@/lib/roles/queries';
import { currentTemplate } from '@/lib/roles/template';

type Params = Promise<{ teamId: string; roleId: string; section: string }>;

const isSection = (value: string): value is RoleSectionKey => (ROLE_SECTION_KEYS as string[]).includes(value);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, section } = await params;
  const { access } = await loadRole(teamId, roleId);
  if (!access || !isSection(section)) return { title: 'Page not found' };
  if (!access.canDraft) return { title: 'You do not have permission to view this page' };
  return { title: `${sectionTitle(section)} – ${access.role.title}` };
}

export default async function DraftSectionPage({ params }: { params: Params }) {
  const { teamId, roleId, section } = await params;
  const { access } = await loadRole(teamId, roleId);
  if (!access || !isSection(section)) notFound();
  if (!access.canDraft) forbidden();
  const { role } = access;
  const [draft, template] = await Promise.all([getDraft(access), currentTemplate()]);
  if (!draft) notFound();

  return (
    <>
      <BackLink href={rolePath(teamId, roleId)}>Back to {role.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {role.team.archivedAt ? (
            <>
              <h1>{sectionTitle(section)}</h1>
              <p>
                {role.team.name} is archived, so its roles cannot be changed. <Link href={rolePath(teamId, roleId)}>Return to the role</Link>.
              </p>
            </>
          ) : (
            <SectionForm
              teamId={teamId}
              roleId={roleId}
              roleTitle={role.title}
              section={section}
              draft={draft}
              draftVersion={role.draftVersion}
              valueOptions={template.valueOptions}
              notPartOptions={template.notPartOptions}
            />
          )}
        </div>
      </div>
    </>
  );
}
