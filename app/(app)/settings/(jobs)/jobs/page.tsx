import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/load';
import { getFailedJobs } from '@/lib/jobs/load';
import { queueLabel } from '@/lib/jobs/queues';
import { KIND_LABELS } from '@/lib/notifications/labels';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams as Query } from '@/lib/search-params';
import { RetryJobForm } from '@/components/jobs/retry-job-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import type { NotificationKind } from '@/lib/generated/prisma/enums';

export const metadata: Metadata = { title: 'Failed background jobs' };

/** The dead-letter list: jobs that failed every retry, with the error and a Retry button. */
export default async function FailedJobsPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requirePermission('jobs.manage');
  const query = await searchParams;
  const jobs = await getFailedJobs(parsePage(searchParam(query, 'page')));
  const retried = searchParam(query, 'retried') === '1';
  const what = (job: (typeof jobs.items)[number]) =>
    job.notificationKind ? `${queueLabel(job.queue)}: ${KIND_LABELS[job.notificationKind as NotificationKind] ?? job.notificationKind}${job.recipientName ? ` to ${job.recipientName}` : ''}` : queueLabel(job.queue);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/settings', label: 'Settings' }]} />
      {retried ? (
        <NotificationBanner success>
          <p className="nhsuk-notification-banner__heading">The job is back in its queue: the worker will try it again within a few seconds</p>
        </NotificationBanner>
      ) : null}
      <h1>Failed background jobs</h1>
      <p>
        Background jobs (emails, reminders, daily summaries) are tried again on their own, waiting longer each time. A job lands here only when every try failed, for example when the mail server refused an email for about an hour. Put right what the error says, then retry it.
      </p>
      {!jobs.workerHasRun ? (
        <p>The background worker has not run yet. It starts with the app (npm start), or on its own with npm run worker.</p>
      ) : jobs.total === 0 ? (
        <p>No failed jobs. Everything the worker was given has been done.</p>
      ) : (
        <>
          <ResultCount page={jobs.page} total={jobs.total} pageSize={PAGE_SIZE} noun={['failed job', 'failed jobs']} />
          <Table
            caption="Failed jobs, most recent first"
            captionHidden
            responsive
            columns={[{ header: 'Job' }, { header: 'Failed' }, { header: 'Tries', numeric: true }, { header: 'Error' }, { header: 'Action' }]}
            rows={jobs.items.map((job) => ({
              key: job.id,
              cells: [what(job), job.failedOn ? <DateTime value={job.failedOn} /> : 'Unknown', job.tries, job.error || 'No error recorded', <RetryJobForm key="retry" jobId={job.id} what={what(job)} />],
            }))}
          />
          <Pagination page={jobs.page} pageCount={jobs.pageCount} basePath="/settings/jobs" label="Failed jobs pages" />
        </>
      )}
    </>
  );
}
