import Link from 'next/link';

export interface Crumb {
  href: string;
  label: string;
}

/**
 * NHS breadcrumb: the pages above this one, not including it. On small screens
 * the NHS styles show only the back link to the last crumb.
 */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  if (items.length === 0) return null;
  const parent = items[items.length - 1];
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <Link className="nhsuk-breadcrumb__link" href={item.href}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
      <Link className="nhsuk-back-link" href={parent.href}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {parent.label}
      </Link>
    </nav>
  );
}
