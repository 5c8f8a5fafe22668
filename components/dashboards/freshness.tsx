import { DateTime } from '@/components/ui/date-time';

/** When the figures were counted (or that they have not been yet), and why no check-in average is shown: the viewer checked in that quarter, or the threshold changed since. */
export function Freshness({ computedAt, checkInsWithheld, checkInsStale, notYet }: { computedAt: Date | null; checkInsWithheld: boolean; checkInsStale: boolean; notYet: string }) {
  return (
    <>
      {computedAt ? (
        <p className="nhsuk-body-s">
          Counted on <DateTime value={computedAt} />. The figures are counted again each night.
        </p>
      ) : (
        <p>{notYet}</p>
      )}
      {checkInsWithheld ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You checked in yourself in the quarter the check-in averages are from, so they are not shown to you.</p>
        </div>
      ) : checkInsStale ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The small-numbers threshold has changed since these figures were counted, so no check-in average is shown until they are counted again tonight.</p>
        </div>
      ) : null}
    </>
  );
}
