import 'server-only';
import { cache } from 'react';
import { listFailedJobs } from '@/lib/jobs/failed';

export const getFailedJobs = cache((page: number) => listFailedJobs(page));
