import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatusTag } from '@/components/recruitment/status-tag';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { Table } from '@/components/ui/table';
import { can } from '@/lib/permissions';
import { CATEGORY_LABELS, METHOD_LABELS } from '@/lib/recruitment/labels';
import { loadSpecification } from '@/lib/recruitment/load';
import { specificationPath, vacancyPath } from '@/lib/recruitment/paths';
import { searchParam, type SearchParams } from '@/lib/search-params';

type Params = Promise<{ specificationId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { specification } = await loadSpecification((await params).specificationId);
  return { title: specification ? specification.specification.title : 'Page not found' };
}

export default async function SpecificationPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { specificationId } = await params;
  const { user, specification: detail } = await loadSpecification(specificationId);
  if (!detail) notFound();
  const { specification, criteria, check, canEdit, locked, vacancies } = detail;
  const editable = canEdit && !locked;
  const saved = searchParam(await searchParams, 'saved');
  const path = specificationPath(specification.id);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/recruitment', label: 'Recruitment' }, ...(canEdit ? [{ href: '/recruitment/specifications', label: 'Person specifications' }] : [])]} />
      <span className="nhsuk-caption-l">
        {specification.team.name}: {specification.roleVersion.role.title}, agreed version {specification.roleVersion.number}
      </span>
      <h1>{specification.title}</h1>
      {saved === 'criterion' || saved === 'removed' ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved === 'removed' ? 'Criterion removed.' : 'Criterion saved.'}</p>
        </div>
      ) : null}
      {locked ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>A vacancy using this person specification has started scoring, so its criteria are fixed: scores refer to them.</p>
        </div>
      ) : null}

      <h2>Checks</h2>
      {check.problems.length === 0 ? (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green">Ready</strong> The person specification meets every check: a vacancy can be opened from it.
        </p>
      ) : (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Not ready yet
            </span>
          </h3>
          <ul>
            {check.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {check.warnings.length > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Warning: </span>
          <ul>
            {check.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>Criteria</h2>
      {criteria.length === 0 ? <p>No criteria yet.</p> : null}
      {criteria.length > 0 ? (
        <Table
          caption="Criteria"
          captionHidden
          responsive
          columns={[{ header: 'Criterion' }, { header: 'Category' }, { header: 'Essential or desirable' }, { header: 'Assessed by' }, { header: 'Weight', numeric: true }, ...(editable ? [{ header: 'Actions' }] : [])]}
          rows={criteria.map((criterion) => ({
            key: criterion.id,
            cells: [
              criterion.wording,
              CATEGORY_LABELS[criterion.category],
              criterion.essential ? 'Essential' : 'Desirable',
              criterion.assessedBy.map((method) => METHOD_LABELS[method]).join(', '),
              String(criterion.weight),
              ...(editable
                ? [
                    <span key="actions">
                      <Link href={`${path}/criteria/${criterion.id}`}>
                        Change<span className="nhsuk-u-visually-hidden"> {criterion.wording}</span>
                      </Link>
                      {' · '}
                      <Link href={`${path}/criteria/${criterion.id}/remove`}>
                        Remove<span className="nhsuk-u-visually-hidden"> {criterion.wording}</span>
                      </Link>
                    </span>,
                  ]
                : []),
            ],
          }))}
        />
      ) : null}
      <div className="nhsuk-button-group">
        {editable ? (
          <ButtonLink href={`${path}/criteria/new`} variant="secondary">
            Add a criterion
          </ButtonLink>
        ) : null}
        <Link className="nhsuk-link" href={`${path}/pack`}>
          Print the interview pack
        </Link>
      </div>

      <h2>Vacancies</h2>
      {vacancies.length === 0 ? <p>No vacancy has been opened from this person specification.</p> : null}
      {vacancies.length > 0 ? (
        <ul className="nhsuk-list">
          {vacancies.map((vacancy) => (
            <li key={vacancy.id}>
              <Link href={vacancyPath(vacancy.id)}>{vacancy.title}</Link> <StatusTag status={vacancy.status} />
            </li>
          ))}
        </ul>
      ) : null}
      {can(user, 'recruitment.vacancy.manage', { teamId: specification.teamId }) ? (
        check.problems.length === 0 ? (
          <ButtonLink href={`/recruitment/vacancies/new?specification=${specification.id}`}>Open a vacancy</ButtonLink>
        ) : (
          <p>A vacancy can be opened once the checks above pass.</p>
        )
      ) : null}
    </>
  );
}
