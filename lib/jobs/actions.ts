'use server';

import { defineAction } from '@/lib/action';
import { ActionError } from '@/lib/action-error';
import { lockFailedJob, retryFailedJob } from '@/lib/jobs/failed';
import { queueLabel } from '@/lib/jobs/queues';
import { retryJobSchema } from '@/lib/jobs/schemas';

/** The failed jobs page's Retry: the job goes back in its queue with one more try. */
export const retryJob = defineAction({
  name: 'job.retry',
  permission: 'jobs.manage',
  input: retryJobSchema,
  async run({ input, tx, audit }) {
    const job = await lockFailedJob(tx, input.jobId);
    if (!job) throw new ActionError('CONFLICT', 'This job is no longer failed: it has been retried already, or it has gone.');
    await retryFailedJob(tx, job.queue, input.jobId);
    await audit({ action: 'job.retry', recordType: 'Job', recordId: input.jobId, summary: `Retried a failed job: ${queueLabel(job.queue)}` });
    return { jobId: input.jobId };
  },
  revalidate: () => ['/settings/jobs'],
});
