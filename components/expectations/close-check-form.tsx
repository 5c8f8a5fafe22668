'use client';

import { checkPath } from '@/components/roles/paths';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { closeExpectationsCheck } from '@/lib/expectations/actions';
import { closeExpectationsCheckSchema } from '@/lib/expectations/schemas';

/** Where closing leads: the check, saying so, and which version (if any) it made Agreed. */
const closedHref = (teamId: string, roleId: string, checkId: string, agreedVersions: number[]) =>
  `${checkPath(teamId, roleId, checkId)}?status=closed${agreedVersions.length > 0 ? `&agreed=${agreedVersions[0]}` : ''}`;

/** The manager's one button that closes an open check and shares its results (a plain form post without JavaScript). */
export function CloseCheckForm({ teamId, roleId, checkId }: { teamId: string; roleId: string; checkId: string }) {
  return (
    <ActionButtonForm
      schema={closeExpectationsCheckSchema}
      action={closeExpectationsCheck}
      values={{ checkId }}
      label="Close the check and share the results"
      variant="secondary"
      successHref={(data) => closedHref(teamId, roleId, data.checkId, data.agreedVersions)}
      successMessage="Check closed: the results are shared"
    >
      <p>
        When you close the check, everyone who took part can see the results, as each group answered, and nobody can change their answers. You cannot open it again: to ask
        again, send a new check.
      </p>
    </ActionButtonForm>
  );
}
