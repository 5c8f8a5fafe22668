import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportUploadForm } from '@/components/people/import-forms';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/load';
import { IMPORT_STATUS_LABELS } from '@/lib/people/labels';
import { recentImports } from '@/lib/people/import-records';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS } from '@/lib/people/rules';

export const metadata: Metadata = { title: 'Import people and teams' };

export default async function ImportPeoplePage() {
  const user = await requirePermission('person.import');
  const recent = await recentImports(user.id);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/people', label: 'People' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Import people and teams</h1>
          <p>Add or update many people at once from your workforce system’s staff list. You will see what each row would do before anything changes.</p>
          <p>The file needs a row for each person’s place in a team, with these columns (their headings can differ: you can say which is which):</p>
          <ul>
            {IMPORT_FIELDS.map((field) => (
              <li key={field}>
                {IMPORT_FIELD_LABELS[field]}
                {field === 'name' || field === 'email' ? '' : ' (optional)'}
              </li>
            ))}
          </ul>
          <p>
            Teams must exist already. People not in the file are left as they are unless you choose to disable them. To start from what PeerRoles holds now,{' '}
            <a href="/people/export.csv" download>
              download everyone and their teams
            </a>{' '}
            in the same columns.
          </p>
          <ImportUploadForm />
        </div>
      </div>
      {recent.length > 0 ? (
        <Table
          caption="Your recent imports"
          captionSize="s"
          columns={[{ header: 'File' }, { header: 'Uploaded' }, { header: 'People' }, { header: 'Status' }]}
          rows={recent.map((item) => ({
            key: item.id,
            cells: [
              <Link key="file" href={`/people/import/${item.id}`}>
                {item.fileName}
              </Link>,
              <DateTime key="at" value={item.createdAt} />,
              item.total.toLocaleString('en-GB'),
              IMPORT_STATUS_LABELS[item.status],
            ],
          }))}
        />
      ) : null}
    </>
  );
}
