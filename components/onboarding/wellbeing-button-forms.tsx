'use client';

import { ActionButtonForm } from '@/components/ui/action-button-form';
import { WELLBEING_PATH } from '@/lib/onboarding/paths';
import { revokeWellbeingShareSchema } from '@/lib/onboarding/schemas';
import { revokeWellbeingShare } from '@/lib/onboarding/wellbeing-actions';

/** Stops sharing the person's own wellbeing plan with one person: at once, from their next page. Posts only the share's id. */
export function StopSharingForm({ shareId, name }: { shareId: string; name: string }) {
  return (
    <ActionButtonForm
      schema={revokeWellbeingShareSchema}
      action={revokeWellbeingShare}
      values={{ shareId }}
      label={
        <>
          Stop sharing<span className="nhsuk-u-visually-hidden"> with {name}</span>
        </>
      }
      variant="secondary"
      successHref={() => `${WELLBEING_PATH}?saved=stopped`}
      successMessage={`You have stopped sharing your wellbeing plan with ${name}`}
    />
  );
}
