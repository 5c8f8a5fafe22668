import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ImportConfirmForm } from '@/components/people/import-forms';
import { ImportProgress } from '@/components/people/import-progress';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination } from '@/components/ui/pagination';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { Tag, type TagColour } from '@/components/ui/tag';
import { identityProviderRequired } from '@/lib/auth/gate';
import { requirePermission } from '@/lib/auth/load';
import { getOwnImport, getOwnImportProgress, previewOf } from '@/lib/people/import-records';
import { IMPORT_OUTCOME_LABELS, ORG_ROLE_SHORT_LABELS } from '@/lib/people/labels';
import { administratorChanges, countsToken, IMPORT_FIELD_LABELS, IMPORT_FIELDS, planCounts, type JudgedRow, type RowOutcome } from '@/lib/people/rules';
import { parsePage } from '@/lib/pagination';
import { lookup, searchParam } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Check the import' };

type Params = Promise<{ importId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Rows of the preview a page: a trust's file is thousands. */
const ROWS_PER_PAGE = 100;
/** People missing from the file listed by name; the rest are counted. */
const MISSING_LISTED = 50;

const OUTCOME_COLOURS: Record<RowOutcome, TagColour> = { CREATE: 'green', UPDATE: 'blue', UNCHANGED: 'grey', ERROR: 'red' };
const SHOW: Record<string, { label: string; outcome: RowOutcome | null }> = {
  all: { label: 'All rows', outcome: null },
  problems: { label: 'Problems', outcome: 'ERROR' },
  add: { label: 'To add', outcome: 'CREATE' },
  update: { label: 'To update', outcome: 'UPDATE' },
  unchanged: { label: 'No change', outcome: 'UNCHANGED' },
};

const people = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'person' : 'people'}`;

function RowsTable({ rows, importId, show, page }: { rows: readonly JudgedRow[]; importId: string; show: string; page: number }) {
  const outcome = SHOW[show].outcome;
  const chosen = outcome ? rows.filter((row) => row.outcome === outcome) : rows;
  const pageCount = Math.max(1, Math.ceil(chosen.length / ROWS_PER_PAGE));
  const current = Math.min(page, pageCount);
  const shown = chosen.slice((current - 1) * ROWS_PER_PAGE, current * ROWS_PER_PAGE);
  return (
    <>
      <nav aria-label="Rows to show" className="nhsuk-u-margin-bottom-3">
        <ul className="nhsuk-list nhsuk-u-font-size-16" style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
          {Object.entries(SHOW).map(([key, { label }]) => (
            <li key={key} className="nhsuk-u-margin-bottom-0">
              {key === show ? (
                <strong aria-current="true">{label}</strong>
              ) : (
                <Link href={`/people/import/${importId}?show=${key}`}>{label}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {shown.length === 0 ? (
        <InsetText>
          <p>No rows to show here.</p>
        </InsetText>
      ) : (
        <Table
          caption={`${SHOW[show].label}: rows ${((current - 1) * ROWS_PER_PAGE + 1).toLocaleString('en-GB')} to ${((current - 1) * ROWS_PER_PAGE + shown.length).toLocaleString('en-GB')} of ${chosen.length.toLocaleString('en-GB')}`}
          captionSize="s"
          responsive
          columns={[{ header: 'Line', numeric: true }, { header: 'Name' }, { header: 'Email address' }, { header: 'Team' }, { header: 'What happens' }]}
          rows={shown.map((row) => ({
            key: String(row.line),
            cells: [
              row.line,
              row.name,
              <span key="email" className="nhsuk-u-text-break-word">
                {row.email}
              </span>,
              row.team,
              <span key="outcome">
                <Tag colour={OUTCOME_COLOURS[row.outcome]}>{IMPORT_OUTCOME_LABELS[row.outcome]}</Tag>
                {row.errors.length > 0 ? (
                  <ul className="nhsuk-list nhsuk-u-font-size-16 nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
                    {row.errors.map((error) => (
                      <li key={error}>{error}</li>
                    ))}
                  </ul>
                ) : null}
              </span>,
            ],
          }))}
        />
      )}
      <Pagination page={current} pageCount={pageCount} basePath={`/people/import/${importId}`} params={{ show: show === 'all' ? undefined : show }} label="Pages of rows" />
    </>
  );
}

export default async function ImportPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requirePermission('person.import');
  const { importId } = await params;
  const query = await searchParams;
  // Progress first: a page refreshed while the worker writes reads no more than that.
  const progress = await getOwnImportProgress(importId, user.id);
  if (!progress) notFound();
  const crumbs = <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/people', label: 'People' }, { href: '/people/import', label: 'Import people and teams' }]} />;

  if (progress.status === 'QUEUED' || progress.status === 'RUNNING') {
    return (
      <>
        {crumbs}
        <h1>Importing people and teams</h1>
        <ImportProgress status={progress.status} processed={progress.processed} total={progress.total} href={`/people/import/${importId}`} />
      </>
    );
  }

  if (progress.status === 'FAILED') {
    return (
      <>
        {crumbs}
        <h1>The import did not finish</h1>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Nothing was imported
            </span>
          </h2>
          <p>{progress.failure}</p>
        </div>
        <p>
          <Link href="/people/import">Upload the file again</Link>
        </p>
      </>
    );
  }

  if (progress.status === 'DONE') {
    const result = progress.result!;
    return (
      <>
        {crumbs}
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">Import complete</h1>
          <div className="nhsuk-panel__body">{progress.fileName}</div>
        </div>
        <SummaryList
          rows={[
            { key: 'Added', value: people(result.created) },
            { key: 'Updated', value: people(result.updated) },
            { key: 'No change', value: people(result.unchanged) },
            { key: 'Disabled', value: people(result.disabled) },
          ]}
        />
        {result.created > 0 ? <p>{(await identityProviderRequired()) ? 'People added sign in with their organisation account; service-user representatives added get an email with a link to set their password.' : 'Each person added gets an email with a link to set their password; you can give them a new link from their page.'}</p> : null}
        <p>
          <a href={`/people/import/${importId}/result.csv`} download>
            Download what happened to each row (CSV)
          </a>
        </p>
        <p>
          <Link href="/people">Go to people</Link>
        </p>
      </>
    );
  }

  const stored = await getOwnImport(importId, user.id);
  if (!stored) notFound();
  const [plan, providerRequired] = await Promise.all([previewOf(stored), identityProviderRequired()]);
  const counts = planCounts(plan);
  const show = lookup(SHOW, searchParam(query, 'show')) ? searchParam(query, 'show') : counts.errors > 0 ? 'problems' : 'all';
  const headers = stored.cells[0];
  const writes = counts.create + counts.update;
  const administrators = administratorChanges(plan);

  return (
    <>
      {crumbs}
      <span className="nhsuk-caption-l">{stored.fileName}</span>
      <h1>Check what will change</h1>
      <p>Nothing has changed yet. When you import, every row is written together, or none of them is.</p>

      <h2 className="nhsuk-heading-m">Columns</h2>
      <SummaryList
        rows={IMPORT_FIELDS.map((field) => ({
          key: IMPORT_FIELD_LABELS[field],
          value: stored.mapping[field] === null ? <span className="nhsuk-u-secondary-text-colour">Not in the file</span> : `Column ${stored.mapping[field]! + 1}: ${headers[stored.mapping[field]!] || '(no heading)'}`,
          actions: [{ href: `/people/import/${importId}/columns`, label: 'Change', visuallyHiddenText: `the ${IMPORT_FIELD_LABELS[field].toLowerCase()} column` }],
        }))}
      />

      <h2 className="nhsuk-heading-m">What the file would do</h2>
      <SummaryList
        rows={[
          { key: 'Add', value: people(counts.create) },
          { key: 'Update', value: people(counts.update) },
          { key: 'No change', value: people(counts.unchanged) },
          { key: 'Rows with a problem', value: counts.errors.toLocaleString('en-GB') },
          { key: 'Not in the file', value: people(counts.missing) },
        ]}
      />

      {counts.errors > 0 ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {counts.errors === 1 ? '1 row has a problem' : `${counts.errors.toLocaleString('en-GB')} rows have a problem`}
            </span>
          </h3>
          <p>Fix them in your file and upload it again. Nothing is imported until every row is right.</p>
          <p>
            <Link href="/people/import">Upload the corrected file</Link>
          </p>
        </div>
      ) : null}

      <h2 className="nhsuk-heading-m">Rows</h2>
      <RowsTable rows={plan.rows} importId={importId} show={show} page={parsePage(query.page)} />
      <p>
        <a href={`/people/import/${importId}/result.csv`} download>
          Download every row and what would happen to it (CSV)
        </a>
      </p>

      {plan.roleChanges.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-m">Organisation roles that change</h2>
          {administrators.length > 0 ? (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  {administrators.length === 1 ? '1 change to who is an administrator' : `${administrators.length} changes to who is an administrator`}
                </span>
              </h3>
              <p>Administrators can add, change and disable anyone. You will be asked to confirm these on their own.</p>
            </div>
          ) : null}
          <Table
            caption="Organisation roles that change"
            captionHidden
            responsive
            columns={[{ header: 'Name' }, { header: 'Email address' }, { header: 'Now' }, { header: 'After the import' }]}
            rows={plan.roleChanges.map((change) => ({
              key: change.email,
              cells: [change.name, <span key="email" className="nhsuk-u-text-break-word">{change.email}</span>, ORG_ROLE_SHORT_LABELS[change.from], ORG_ROLE_SHORT_LABELS[change.to]],
            }))}
          />
        </>
      ) : null}

      {plan.missing.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-m">People not in the file</h2>
          <p>
            {people(plan.missing.length)} with an active account {plan.missing.length === 1 ? 'is' : 'are'} not in the file. They stay as they are unless you choose to disable them below.
          </p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {plan.missing.slice(0, MISSING_LISTED).map((email) => (
              <li key={email} className="nhsuk-u-text-break-word">
                {email}
              </li>
            ))}
          </ul>
          {plan.missing.length > MISSING_LISTED ? <p>and {people(plan.missing.length - MISSING_LISTED)} more.</p> : null}
        </>
      ) : null}

      {counts.errors === 0 ? (
        writes > 0 || counts.missing > 0 ? (
          <>
            <h2 className="nhsuk-heading-m">Import</h2>
            <ImportConfirmForm importId={importId} version={stored.version} expected={countsToken(counts)} missing={counts.missing} administratorChanges={administrators.length}>
              <p>
                This adds {people(counts.create)} and updates {people(counts.update)}.
                {counts.create > 0 ? (providerRequired ? ' People added sign in with their organisation account (service-user representatives get a set-password link).' : ' Each person added gets a set-password link by email.') : ''}
              </p>
            </ImportConfirmForm>
          </>
        ) : (
          <InsetText>
            <p>Nothing to import: everyone in the file is already in PeerRoles as the file has them.</p>
          </InsetText>
        )
      ) : null}
    </>
  );
}
