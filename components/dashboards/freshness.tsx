import { DateTime } from '@/components/ui/date-time';

/** When the figures were counted (or that they have not been yet), and, for someone who checked in that quarter, why no check-in average is shown to them. */
export function Freshness({ computedAt, checkInsWithheld, notYet }: { computedAt: Date | null; checkInsWithheld: boolean; notYet: string }) {
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
      ) : null}
    </>
  );
}
