import type { Metadata } from 'next';
import Link from 'next/link';
import { ORG_ROLE_SHORT_LABELS } from '@/lib/people/labels';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { Select, TextInput } from '@/components/ui/fields';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { requirePermission } from '@/lib/auth/load';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { listPeople } from '@/lib/people/queries';
import { searchParam } from '@/lib/search-params';

export const metadata: Metadata = { title: 'People' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;


export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('person.list');
  const params = await searchParams;
  const search = searchParam(params, 'q').trim().slice(0, 100);
  const disabled = searchParam(params, 'status') === 'disabled';
  const page = parsePage(params.page);
  const people = await listPeople({ page, search, disabled });
  const noun: [string, string] = disabled ? ['disabled person', 'disabled people'] : ['person', 'people'];

  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>People</h1>
      <p>Everyone with an account. Add people here, then add them to teams from each team’s page.</p>
      <div className="nhsuk-button-group">
        <ButtonLink href="/people/new">Add a person</ButtonLink>
        <ButtonLink href="/people/import" variant="secondary">
          Import people and teams
        </ButtonLink>
      </div>
      <p className="nhsuk-body-s">
        <a href="/people/export.csv" download>
          Download everyone and their teams (CSV)
        </a>
      </p>

      <form method="get" action="/people" role="search" aria-label="People" className="nhsuk-u-margin-bottom-5">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <TextInput id="q" name="q" type="search" label="Name or email address" defaultValue={search} autoComplete="off" spellCheck={false} maxLength={100} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select
              id="status"
              name="status"
              label="Accounts"
              defaultValue={disabled ? 'disabled' : 'active'}
              options={[
                { value: 'active', label: 'Active' },
                { value: 'disabled', label: 'Disabled' },
              ]}
            />
          </div>
        </div>
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button">
            Search
          </button>
          {search || disabled ? (
            <Link className="nhsuk-link" href="/people">
              Clear search
            </Link>
          ) : null}
        </div>
      </form>

      <h2 className="nhsuk-heading-m">{disabled ? 'Disabled accounts' : 'Active accounts'}</h2>
      {people.total === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {search
              ? `No ${disabled ? 'disabled' : 'active'} accounts match “${search}”. Check the spelling, or search by email address.`
              : disabled
                ? 'No accounts are disabled.'
                : 'There are no active accounts.'}
          </p>
        </div>
      ) : people.items.length === 0 ? (
        <p>
          There is no page {page} of this list. <Link href={`/people?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(disabled ? { status: 'disabled' } : {}) })}`}>Go to the first page</Link>.
        </p>
      ) : (
        <>
          <ResultCount page={people.page} total={people.total} pageSize={PAGE_SIZE} noun={noun} />
          <Table
            caption={disabled ? 'Disabled accounts' : 'Active accounts'}
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Name' }, { header: 'Email address' }, { header: 'Job title' }, { header: 'Organisation role' }, { header: 'Password' }]}
            rows={people.items.map((person) => ({
              key: person.id,
              cells: [
                <Link href={`/people/${person.id}`} key="name">
                  {person.name}
                </Link>,
                <span className="nhsuk-u-text-break-word" key="email">
                  {person.email}
                </span>,
                person.jobTitle || <span className="nhsuk-u-secondary-text-colour">Not recorded</span>,
                ORG_ROLE_SHORT_LABELS[person.orgRole],
                person.hasPassword ? <Tag colour="green">Set</Tag> : <Tag colour="yellow">Not set yet</Tag>,
              ],
            }))}
          />
          <Pagination page={people.page} pageCount={people.pageCount} basePath="/people" params={{ q: search, status: disabled ? 'disabled' : undefined }} />
        </>
      )}
    </>
  );
}
