import { LIBRARY_PATH } from '@/lib/supervision/paths';

/** Addresses of the library's pages under LIBRARY_PATH. */
export const entryPath = (entryId: string) => `${LIBRARY_PATH}/${entryId}`;
export const REVIEW_PATH = `${LIBRARY_PATH}/review`;
export const PROPOSE_PATH = `${LIBRARY_PATH}/new`;
