import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadRole, parseVersionNumber } from '@/lib/roles/load';
import { comparePath, rolePath, versionPath } from '@/components/roles/paths';
import { RoleBreadcrumbs } from '@/components/roles/role-breadcrumbs';
import { sectionAnchor } from '@/components/roles/role-content';
import { SectionChanges } from '@/components/roles/version-comparison';
import { ErrorSummary, type ErrorSummaryItem } from '@/components/ui/error-summary';
import { Select } from '@/components/ui/fields';
import { compareContent } from '@/lib/roles/compare';
import { getVersionsToCompare, listRoleVersions } from '@/lib/roles/queries';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { teamId, roleId } = await params;
  const query = await searchParams;
  const { access } = await loadRole(teamId, roleId);
  if (!access) return { title: 'Page not found' };
  // The page's error summary shows for these; the title says so too (NHS pattern).
  const from = single(query.from);
  const to = single(query.to);
  const invalid = (from !== undefined && parseVersionNumber(from) === null) || (to !== undefined && parseVersionNumber(to) === null) || (from !== undefined && from === to);
  return { title: `${invalid ? 'Error: ' : ''}Compare versions – ${access.role.title}` };
}

export default async function CompareVersionsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId, roleId } = await params;
  const query = await searchParams;
  const { user, access } = await loadRole(teamId, roleId);
  if (!access) notFound();
  const versions = await listRoleVersions(access);
  const numbers = versions.map((version) => version.number);

  const heading = (
    <PageHeading caption={access.role.title}>
      Compare versions
    </PageHeading>
  );

  if (versions.length < 2) {
    return (
      <>
        <RoleBreadcrumbs user={user} access={access} />
        {heading}
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{versions.length === 0 ? 'There are no versions to compare yet.' : 'There is only one version you can read, so there is nothing to compare it with yet.'}</p>
        </div>
        <p>
          <Link href={rolePath(teamId, roleId)}>Return to the role</Link>
        </p>
      </>
    );
  }

  // Defaults: the latest version against the one before it.
  const requestedFrom = single(query.from);
  const requestedTo = single(query.to);
  const from = requestedFrom === undefined ? numbers[1] : parseVersionNumber(requestedFrom);
  const to = requestedTo === undefined ? numbers[0] : parseVersionNumber(requestedTo);
  const errors: ErrorSummaryItem[] = [];
  if (from === null || !numbers.includes(from)) errors.push({ field: 'from', message: 'Select a version to compare from' });
  if (to === null || !numbers.includes(to)) errors.push({ field: 'to', message: 'Select a version to compare with' });
  if (errors.length === 0 && from === to) errors.push({ field: 'to', message: 'Select two different versions' });
  const pair = errors.length === 0 && from !== null && to !== null ? await getVersionsToCompare(access, from, to) : null;
  const comparison = pair ? compareContent(pair.before.content, pair.after.content) : null;
  const changed = comparison?.filter((section) => section.changed) ?? [];
  const options = versions.map((version) => ({ value: String(version.number), label: `Version ${version.number}` }));
  const fieldError = (field: string) => errors.find((error) => error.field === field)?.message;

  return (
    <>
      <RoleBreadcrumbs user={user} access={access} />
      <ErrorSummary errors={errors} />
      {heading}

      <form method="get" action={comparePath(teamId, roleId)} className="nhsuk-u-margin-bottom-6">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-quarter">
            <Select id="from" name="from" label="From" options={options} defaultValue={from !== null ? String(from) : ''} error={fieldError('from')} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select id="to" name="to" label="To" options={options} defaultValue={to !== null ? String(to) : ''} error={fieldError('to')} />
          </div>
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button">
          Compare
        </button>
      </form>

      {pair && comparison && from !== null && to !== null ? (
        <>
          <p>
            Comparing <Link href={versionPath(teamId, roleId, from)}>version {from}</Link> with <Link href={versionPath(teamId, roleId, to)}>version {to}</Link>.{' '}
            {changed.length === 0
              ? 'The two versions are the same.'
              : `${changed.length} of ${comparison.length} sections changed.`}
          </p>
          {changed.length > 0 ? (
            <>
              <ul>
                {changed.map((section) => (
                  <li key={section.key}>
                    <a href={`#${sectionAnchor(section.key)}`}>{section.title}</a>
                  </li>
                ))}
              </ul>
              <p className="nhsuk-body-s">
                In each changed section, text taken out is <del>struck through</del> and new text is <ins>underlined</ins>.
              </p>
            </>
          ) : null}

          {comparison.map((section) => (
            <section key={section.key} aria-labelledby={sectionAnchor(section.key)}>
              <h2 id={sectionAnchor(section.key)}>{section.title}</h2>
              {section.changed ? (
                <SectionChanges comparison={section} from={from} to={to} />
              ) : (
                <>
                  <p className="nhsuk-u-secondary-text-colour">No changes</p>
                  {section.changes.length > 0 ? (
                    <details className="nhsuk-details">
                      <summary className="nhsuk-details__summary">
                        <span className="nhsuk-details__summary-text">
                          Show this section<span className="nhsuk-u-visually-hidden"> ({section.title.toLowerCase()})</span>
                        </span>
                      </summary>
                      <div className="nhsuk-details__text">
                        <ul className="nhsuk-list nhsuk-list--bullet">
                          {section.changes.map((change, index) => (
                            <li key={index}>{change.text}</li>
                          ))}
                        </ul>
                      </div>
                    </details>
                  ) : null}
                </>
              )}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
