import type { Metadata } from 'next';
import Link from 'next/link';
import { auditActionLabel, RECORD_TYPE_LABELS, recordHref } from '@/components/audit/labels';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Select, TextInput } from '@/components/ui/fields';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { loadAuditLog } from '@/lib/audit/load';
import { AUDIT_COUNT_LIMIT, AUDIT_RECORD_TYPES } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/load';
import { PAGE_SIZE } from '@/lib/pagination';
import { searchParam } from '@/lib/search-params';

type RawParams = Record<string, string | string[] | undefined>;
type SearchParams = Promise<RawParams>;


export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { errors } = await loadAuditLog(await searchParams);
  return { title: errors.length > 0 ? 'Error: Audit log' : 'Audit log' };
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('audit.view');
  const raw = await searchParams;
  const { filter, errors, actor, actorId, events } = await loadAuditLog(raw);
  const fieldError = (field: string) => errors.find((error) => error.field === field)?.message;
  const undecided = (actor?.choices.length ?? 0) > 0;
  const filtered = Boolean(filter.actorId || filter.who || filter.recordType || filter.from || filter.to);
  const kept = { actorId, recordType: filter.recordType, from: filter.from, to: filter.to };
  const keptQuery = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries({ ...kept, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();

  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <ErrorSummary errors={errors} />
      <h1>Audit log</h1>
      <p>Every change made in PeerRoles: who made it, when, and to which record. Newest first. Entries cannot be changed or deleted.</p>

      <form method="get" action="/audit" aria-label="Filter the audit log" className="nhsuk-u-margin-bottom-5">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-quarter">
            <TextInput id="who" name="who" label="Who" hint="Name or email" defaultValue={filter.who ?? actor?.person?.name ?? ''} error={fieldError('who')} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select
              id="recordType"
              name="recordType"
              label="Record"
              defaultValue={filter.recordType ?? ''}
              placeholder="Any record"
              options={AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: RECORD_TYPE_LABELS[type] ?? type }))}
            />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextInput id="from" name="from" type="date" label="From" defaultValue={filter.from ?? searchParam(raw, 'from')} error={fieldError('from')} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextInput id="to" name="to" type="date" label="To" defaultValue={filter.to ?? searchParam(raw, 'to')} error={fieldError('to')} />
          </div>
        </div>
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button">
            Apply filters
          </button>
          {filtered || errors.length > 0 ? (
            <Link className="nhsuk-link" href="/audit">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      <h2 className="nhsuk-heading-m">Events</h2>
      {undecided ? (
        <>
          <p>
            {actor?.more ? `More than ${actor.choices.length}` : actor?.choices.length} people who have made changes match “{filter.who}”. Choose one{actor?.more ? ', or search for more of the name or email' : ''}:
          </p>
          <ul>
            {actor?.choices.map((choice) => (
              <li key={choice.id}>
                <Link href={`/audit?${keptQuery({ actorId: choice.id })}`}>
                  {choice.name} ({choice.email})
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : events === null ? (
        <p>Correct the filters to see events.</p>
      ) : events.total === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{filtered ? 'No events match these filters. Try a wider date range, or clear the filters.' : 'Nothing has been recorded yet.'}</p>
        </div>
      ) : events.items.length === 0 ? (
        <p>
          There is no page {filter.page} for these filters. <Link href={`/audit?${keptQuery({})}`}>Go to the first page</Link>.
        </p>
      ) : (
        <>
          <ResultCount page={events.page} total={events.total} pageSize={PAGE_SIZE} noun={['event', 'events']} moreThan={events.moreThanCounted} />
          {events.moreThanCounted ? <p className="nhsuk-body-s">Over {AUDIT_COUNT_LIMIT.toLocaleString('en-GB')} events match: narrow them by who, record or dates to see older ones.</p> : null}
          <Table
            caption="Audit events, newest first"
            captionHidden
            responsive
            columns={[{ header: 'When (UK time)', mobileHeader: 'When' }, { header: 'Who' }, { header: 'What' }, { header: 'Record' }, { header: 'Summary', className: 'nhsuk-u-width-one-third' }]}
            rows={events.items.map((event) => {
              const href = recordHref(event.recordType, event.recordId);
              const recordLabel = RECORD_TYPE_LABELS[event.recordType] ?? event.recordType;
              return {
                key: event.id,
                cells: [
                  <DateTime value={event.createdAt} key="when" />,
                  event.actor ? event.actor.name : <span className="nhsuk-u-secondary-text-colour">Not signed in</span>,
                  auditActionLabel(event.action),
                  href ? (
                    <Link href={href} key="record">
                      {recordLabel}
                      <span className="nhsuk-u-visually-hidden"> record</span>
                    </Link>
                  ) : (
                    recordLabel
                  ),
                  <span className="nhsuk-u-text-break-word" key="summary">
                    {event.summary}
                  </span>,
                ],
              };
            })}
          />
          <Pagination page={events.page} pageCount={events.pageCount} basePath="/audit" params={kept} />
        </>
      )}
    </>
  );
}
