export const PAGE_SIZE = 25;

/**
 * Lists that grow with the trust count at most this many rows: counting 200,000
 * for every page would cost more than drawing it. Past it, pages say "more than".
 */
export const COUNT_LIMIT = 10_000;

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** A page number from a search parameter: anything odd is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

export function pageArgs(page: number, size = PAGE_SIZE) {
  return { skip: (page - 1) * size, take: size };
}

export function toPage<T>(items: T[], total: number, page: number, size = PAGE_SIZE): Page<T> {
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / size)) };
}
