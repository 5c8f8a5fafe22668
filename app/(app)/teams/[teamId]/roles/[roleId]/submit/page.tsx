import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { loadRole } from '@/lib/roles/load';
import { rolePath, sectionPath, versionPath } from '@/components/roles/paths';
import { SectionBody } from '@/components/roles/role-content';
import { SubmitDraftForm } from '@/components/roles/submit-draft-form';
import { BackLink } from '@/components/ui/back-link';
import { Tag } from '@/components/ui/tag';
import { REQUIRED_FOR_SUBMISSION } from '@/lib/roles/rules';
import { getRoleOverview } from '@/lib/roles/queries';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId } = await params;
  const { access } = await loadRole(teamId, roleId);
  if (!access) return { title: 'Page not found' };
  if (!access.canDraft) return { title: 'You do not have permission to view this page' };
  return { title: `Check and submit – ${access.role.title}` };
}

export default async function SubmitDraftPage({ params }: { params: Params }) {
  const { teamId, roleId } = await params;
  const { access } = await loadRole(teamId, roleId);
  if (!access) notFound();
  if (!access.canDraft) forbidden();
  const { role } = access;
  const overview = await getRoleOverview(access);
  const draft = overview.draft;
  if (!draft) notFound();

  const latest = overview.versions[0] ?? null;
  const inReview = overview.versions.find((version) => version.status === 'IN_REVIEW') ?? null;
  const agreed = overview.versions.find((version) => version.status === 'AGREED') ?? null;
  const nextNumber = (latest?.number ?? 0) + 1;
  const incomplete = overview.sections.filter((section) => !section.complete && REQUIRED_FOR_SUBMISSION.includes(section.key));
  const archived = role.team.archivedAt !== null;

  const heading = (
    <PageHeading caption={role.title}>
      Check the role description before you submit it
    </PageHeading>
  );

  if (archived || !role.draftChanged) {
    return (
      <>
        <BackLink href={rolePath(teamId, roleId)}>Back to {role.title}</BackLink>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            {heading}
            <p>
              {archived
                ? `${role.team.name} is archived, so its roles cannot be submitted.`
                : latest
                  ? `There is nothing to submit: the draft is the same as version ${latest.number}. Change a section first.`
                  : 'There is nothing to submit yet.'}
            </p>
            <p>
              <Link href={rolePath(teamId, roleId)}>Return to the role</Link>
            </p>
          </div>
        </div>
      </>
    );
  }

  return (
    <>
      <BackLink href={rolePath(teamId, roleId)}>Back to {role.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {heading}

          {incomplete.length > 0 ? (
            <div className="nhsuk-card nhsuk-card--warning">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading">You cannot submit yet</h2>
                <p>Complete {incomplete.length === 1 ? 'this section' : 'these sections'} first:</p>
                <ul>
                  {incomplete.map((section) => (
                    <li key={section.key}>
                      <Link href={sectionPath(teamId, roleId, section.key)}>{section.title}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}

          {overview.sections.map((section) => {
            const missing = incomplete.some((item) => item.key === section.key);
            return (
              <div className="nhsuk-card" key={section.key}>
                <div className="nhsuk-card__heading-container">
                  <h2 className="nhsuk-card__heading nhsuk-heading-m" id={`check-${section.key}`}>
                    {section.title}
                    {missing ? (
                      <>
                        {' '}
                        <Tag colour="red">Incomplete</Tag>
                      </>
                    ) : null}
                  </h2>
                  <div className="nhsuk-card__actions">
                    <Link className="nhsuk-link" href={sectionPath(teamId, roleId, section.key)}>
                      Change<span className="nhsuk-u-visually-hidden"> {section.title.toLowerCase()}</span>
                    </Link>
                  </div>
                </div>
                <div className="nhsuk-card__content">
                  <SectionBody content={draft} section={section.key} emptyText={missing ? 'Not written yet: this section is needed before you can submit.' : 'Not written yet (optional)'} />
                </div>
              </div>
            );
          })}

          {incomplete.length === 0 ? (
            <>
              <h2>Now submit it for agreement</h2>
              <p>Submitting freezes the description as version {nextNumber}. Nobody can change a submitted version: later changes make a new version, which needs agreeing again.</p>
              {inReview ? (
                <div className="nhsuk-inset-text">
                  <span className="nhsuk-u-visually-hidden">Information: </span>
                  <p>
                    <Link href={versionPath(teamId, roleId, inReview.number)}>Version {inReview.number}</Link> is still in review. It will be replaced by version {nextNumber}, and its reviewers&apos; agreements will not carry over: you will need to invite reviewers again.
                  </p>
                </div>
              ) : null}
              {agreed ? <p>Version {agreed.number} stays the agreed description until version {nextNumber} is agreed.</p> : null}
              <p>Next, you will invite reviewers from each group that must agree it.</p>
              <SubmitDraftForm teamId={teamId} roleId={roleId} draftVersion={role.draftVersion} nextNumber={nextNumber} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
