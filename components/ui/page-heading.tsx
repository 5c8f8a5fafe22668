import type { ReactNode } from 'react';

/** The page's h1 with a caption above it (the team or role it belongs to), read as one heading: "Caption – Title". */
export function PageHeading({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <h1>
      <span className="nhsuk-caption-l">
        {caption}
        <span className="nhsuk-u-visually-hidden"> – </span>
      </span>
      {children}
    </h1>
  );
}
