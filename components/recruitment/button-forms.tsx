'use client';

import type { ReactNode } from 'react';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { appointCandidate } from '@/lib/recruitment/decision-actions';
import { confirmDeclarations, withdrawConflict } from '@/lib/recruitment/panel-actions';
import { candidatePath, specificationPath, vacancyPath } from '@/lib/recruitment/paths';
import { appointSchema, confirmDeclarationsSchema, moveVacancySchema, releasePackSchema, removeCriterionSchema, removePanelMemberSchema, withdrawConflictSchema } from '@/lib/recruitment/schemas';
import { removeCriterion } from '@/lib/recruitment/specification-actions';
import { moveVacancy, releasePack, removePanelMember } from '@/lib/recruitment/vacancy-actions';

/* Recruitment's one-button forms: each posts ids (and a version) and works without JavaScript. */

export function RemoveCriterionForm({ criterionId, version, specificationId, children }: { criterionId: string; version: number; specificationId: string; children: ReactNode }) {
  return (
    <ActionButtonForm
      schema={removeCriterionSchema}
      action={removeCriterion}
      values={{ criterionId, version }}
      label="Remove the criterion"
      variant="warning"
      successHref={(data) => `${specificationPath(data.specificationId)}?saved=removed`}
      successMessage="Criterion removed"
      cancel={{ href: specificationPath(specificationId), label: 'Keep it' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

export function MoveVacancyForm({ vacancyId, version, label, children }: { vacancyId: string; version: number; label: string; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={moveVacancySchema}
      action={moveVacancy}
      values={{ vacancyId, version }}
      label={label}
      successHref={(data) => `${vacancyPath(data.vacancyId)}?saved=moved`}
      successMessage="Vacancy moved on"
    >
      {children}
    </ActionButtonForm>
  );
}

export function RemovePanelMemberForm({ panelMemberId, vacancyId, name }: { panelMemberId: string; vacancyId: string; name: string }) {
  return (
    <ActionButtonForm
      schema={removePanelMemberSchema}
      action={removePanelMember}
      values={{ panelMemberId }}
      label={`Remove ${name} from the panel`}
      variant="warning"
      successHref={(data) => `${vacancyPath(data.vacancyId)}?saved=panel-removed`}
      successMessage="Panel member removed"
      cancel={{ href: vacancyPath(vacancyId), label: 'Keep them on the panel' }}
      standalone
    />
  );
}

export function ConfirmDeclarationsForm({ vacancyId }: { vacancyId: string }) {
  return (
    <ActionButtonForm
      schema={confirmDeclarationsSchema}
      action={confirmDeclarations}
      values={{ vacancyId }}
      label="I have declared every conflict of interest"
      successHref={(data) => `${vacancyPath(data.vacancyId)}?saved=declared`}
      successMessage="Declarations confirmed"
    />
  );
}

export function WithdrawConflictForm({ vacancyId, declarationKey, name }: { vacancyId: string; declarationKey: string; name: string }) {
  return (
    <ActionButtonForm
      schema={withdrawConflictSchema}
      action={withdrawConflict}
      values={{ vacancyId, declarationKey }}
      label={`Withdraw the declaration about ${name}`}
      variant="secondary"
      successHref={(data) => `${vacancyPath(data.vacancyId)}/conflicts`}
      successMessage="Declaration withdrawn"
    />
  );
}

export function ReleasePackForm({ candidateId }: { candidateId: string }) {
  return (
    <ActionButtonForm
      schema={releasePackSchema}
      action={releasePack}
      values={{ candidateId }}
      label="Record that the interview questions were sent in advance"
      variant="secondary"
      successHref={(data) => `${candidatePath(data.vacancyId, data.candidateId)}?saved=pack`}
      successMessage="Interview questions released"
    />
  );
}

export function AppointForm({ candidateId }: { candidateId: string }) {
  return (
    <ActionButtonForm
      schema={appointSchema}
      action={appointCandidate}
      values={{ candidateId }}
      label="Hand on to onboarding"
      successHref={(data) => `${candidatePath(data.vacancyId, data.candidateId)}?saved=appointed`}
      successMessage="Handed on to onboarding"
    />
  );
}
