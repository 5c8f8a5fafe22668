'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from '@/components/layout/navigation.module.css';

/**
 * A header navigation item that marks itself current. It reads the path in the
 * browser because the root layout that renders the header is not re-rendered on
 * client-side navigation.
 */
export function NavigationLink({ href, label, badge }: { href: string; label: string; badge?: string }) {
  const pathname = usePathname() ?? '';
  const isPage = pathname === href;
  const isSection = !isPage && href !== '/' && pathname.startsWith(`${href}/`);
  const current = isPage || isSection;
  return (
    <li className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}>
      <Link className="nhsuk-header__navigation-link" href={href} aria-current={isPage ? 'page' : isSection ? 'true' : undefined}>
        {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{label}</strong> : label}
        {badge ? (
          <span className={styles.count}>
            {badge}
            <span className="nhsuk-u-visually-hidden"> waiting</span>
          </span>
        ) : null}
      </Link>
    </li>
  );
}
