'use client';

import { retryJob } from '@/lib/jobs/actions';
import { retryJobSchema } from '@/lib/jobs/schemas';
import { ActionButtonForm } from '@/components/ui/action-button-form';

/** The failed jobs page's Retry button for one job. */
export function RetryJobForm({ jobId, what }: { jobId: string; what: string }) {
  return (
    <ActionButtonForm
      schema={retryJobSchema}
      action={retryJob}
      values={{ jobId }}
      label={
        <>
          Retry<span className="nhsuk-u-visually-hidden"> {what}</span>
        </>
      }
      variant="secondary"
      successHref={() => '/settings/jobs?retried=1'}
      successMessage={`Retrying: ${what}`}
    />
  );
}
