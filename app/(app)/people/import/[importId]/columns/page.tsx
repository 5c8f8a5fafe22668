import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ImportColumnsForm } from '@/components/people/import-forms';
import { BackLink } from '@/components/ui/back-link';
import { InsetText } from '@/components/ui/inset-text';
import { Table } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/load';
import { getOwnImportStart } from '@/lib/people/import-records';
import { mappingProblems } from '@/lib/people/rules';

export const metadata: Metadata = { title: 'Choose which column holds what' };

type Params = Promise<{ importId: string }>;

/** Rows of the file shown under its headings, so the columns can be told apart. */
const SAMPLE_ROWS = 3;

export default async function ImportColumnsPage({ params }: { params: Params }) {
  const user = await requirePermission('person.import');
  const { importId } = await params;
  const stored = await getOwnImportStart(importId, user.id, SAMPLE_ROWS);
  if (!stored) notFound();
  const headers = stored.headers;
  if (stored.status !== 'DRAFT') {
    return (
      <>
        <BackLink href={`/people/import/${importId}`}>Back to the import</BackLink>
        <h1>This import has been confirmed</h1>
        <p>Its columns can no longer change. Upload the file again to import it differently.</p>
      </>
    );
  }
  const unrecognised = mappingProblems(stored.mapping, headers.length).length > 0;
  return (
    <>
      <BackLink href={`/people/import/${importId}`}>Back to the import</BackLink>
      <span className="nhsuk-caption-l">{stored.fileName}</span>
      <h1>Choose which column holds what</h1>
      {unrecognised ? (
        <InsetText>
          <p>Some of the file’s headings were not recognised. Choose the column that holds each person’s name and email address at least.</p>
        </InsetText>
      ) : null}
      <Table
        caption="The start of the file"
        captionSize="s"
        responsive
        columns={headers.map((header, index) => ({ header: `Column ${index + 1}: ${header || '(no heading)'}` }))}
        rows={stored.rows.map((row, index) => ({ key: String(index), cells: headers.map((_, column) => row[column] ?? '') }))}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ImportColumnsForm importId={importId} version={stored.version} headers={headers} mapping={stored.mapping} />
        </div>
      </div>
    </>
  );
}
