import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { PrintButton } from '@/components/ui/print-button';
import styles from '@/components/ui/print-view.module.css';
import { requireUser } from '@/lib/auth/load';
import { vacancyPath } from '@/lib/recruitment/paths';
import { getVacancyRecord } from '@/lib/recruitment/queries';
import { RECORD_HEADER, recordRows } from '@/lib/recruitment/record';

export const metadata: Metadata = { title: 'Scoring record' };

/** The complete scoring record of a vacancy, to print: HR only. */
export default async function VacancyRecordPage({ params }: { params: Promise<{ vacancyId: string }> }) {
  const { vacancyId } = await params;
  const user = await requireUser();
  const record = await getVacancyRecord(user, vacancyId);
  if (!record) notFound();
  const rows = recordRows(record);
  return (
    <div className={styles.printView}>
      <div className={styles.screenOnly}>
        <BackLink href={vacancyPath(vacancyId)}>Back to {record.access.vacancy.title}</BackLink>
      </div>
      <h1>
        <span className="nhsuk-caption-l">
          {record.access.vacancy.team.name}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Scoring record: {record.access.vacancy.title}
      </h1>
      <p>Every submitted score and correction, conflict of interest declaration, moderation note and decision. Draft scores are not part of the record.</p>
      {rows.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        // Wide: it scrolls sideways, so it can take focus and be scrolled with the keyboard.
        <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Scoring record, scrolls sideways">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Scoring record</caption>
            <thead className="nhsuk-table__head">
              <tr>
                {RECORD_HEADER.map((header) => (
                  <th scope="col" className="nhsuk-table__header" key={header}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {rows.map((row, index) => (
                <tr className="nhsuk-table__row" key={index}>
                  {row.map((cell, column) => (
                    <td className="nhsuk-table__cell" key={column}>
                      {cell instanceof Date ? <DateTime value={cell} /> : (cell ?? '')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PrintButton className={styles.screenOnly} />
    </div>
  );
}
