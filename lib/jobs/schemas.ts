import { z } from 'zod';

/** The failed jobs page's Retry button: which job. */
export const retryJobSchema = z.strictObject({
  jobId: z.string({ error: 'Select a job' }).uuid('Select a job'),
});
