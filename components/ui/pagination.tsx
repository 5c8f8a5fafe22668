import Link from 'next/link';

type SearchParamValue = string | string[] | undefined;

/**
 * Builds `/path?a=1&page=3` from the current query, replacing `page` and dropping
 * empty values, so pagination keeps whatever filters the list was showing.
 */
export function pageHref(basePath: string, params: Record<string, SearchParamValue>, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === 'page' || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== '') query.append(key, item);
    }
  }
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/** The page numbers to show: first, last, and the current page with its neighbours; null marks a gap. */
export function visiblePages(page: number, pageCount: number): Array<number | null> {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  for (const n of sorted) {
    const previous = result[result.length - 1];
    if (typeof previous === 'number' && n - previous === 2) result.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) result.push(null);
    result.push(n);
  }
  return result;
}

const ArrowLeft = () => (
  <svg className="nhsuk-icon nhsuk-icon--arrow-left" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
    <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z" />
  </svg>
);

const ArrowRight = () => (
  <svg className="nhsuk-icon nhsuk-icon--arrow-right" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
    <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z" />
  </svg>
);

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The list's path; used with `params` when `href` is not given. */
  basePath?: string;
  /** The current search parameters: every one but `page` is kept in the links. */
  params?: Record<string, SearchParamValue>;
  /** Or build each link yourself. */
  href?: (page: number) => string;
  /** Names the navigation landmark when a page has more than one list. */
  label?: string;
}

/** NHS numbered pagination. Renders nothing when everything fits on one page. */
export function Pagination({ page, pageCount, basePath = '', params = {}, href, label = 'Pagination' }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(page, 1), pageCount);
  const link = href ?? ((n: number) => pageHref(basePath, params, n));
  return (
    <nav className="nhsuk-pagination nhsuk-pagination--numbered" role="navigation" aria-label={label}>
      {current > 1 ? (
        <Link href={link(current - 1)} className="nhsuk-pagination__previous" rel="prev">
          <ArrowLeft />
          <span className="nhsuk-pagination__title">
            Previous<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      ) : null}
      <ul className="nhsuk-pagination__list">
        {visiblePages(current, pageCount).map((n, index) =>
          n === null ? (
            <li className="nhsuk-pagination__item nhsuk-pagination__item--ellipsis" key={`gap-${index}`}>
              &ctdot;
            </li>
          ) : (
            <li className={`nhsuk-pagination__item${n === current ? ' nhsuk-pagination__item--current' : ''}`} key={n}>
              <Link className="nhsuk-pagination__link" href={link(n)} aria-label={`Page ${n}`} aria-current={n === current ? 'page' : undefined}>
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < pageCount ? (
        <Link href={link(current + 1)} className="nhsuk-pagination__next" rel="next">
          <span className="nhsuk-pagination__title">
            Next<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
          <ArrowRight />
        </Link>
      ) : null}
    </nav>
  );
}

/** "Showing 26 to 50 of 312 events"; `moreThan` when the list stopped counting at `total` ("of more than 10,000"). */
export function ResultCount({ page, total, pageSize, noun, moreThan = false }: { page: number; total: number; pageSize: number; noun: [singular: string, plural: string]; moreThan?: boolean }) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const word = total === 1 && !moreThan ? noun[0] : noun[1];
  const of = moreThan ? `more than ${total.toLocaleString('en-GB')}` : String(total);
  return (
    <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
      {first === 1 && last === total && !moreThan ? `${total} ${word}` : `Showing ${first} to ${last} of ${of} ${word}`}
    </p>
  );
}
