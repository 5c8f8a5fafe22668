'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, MESSAGES } from '@/lib/action-error';
import { updatePolicySchema } from '@/lib/agreement/schemas';
import { lockVersion, nowAgreed, refreshVersionsInReview } from '@/lib/agreement/status';
import { teamScope } from '@/lib/teams/gate';

/** A team's agreement policy (team settings): who must agree its roles, and what the expectations check must show first. */
export const updateAgreementPolicy = defineAction({
  name: 'team.policy.update',
  permission: 'team.policy.manage',
  input: updatePolicySchema,
  scope: teamScope,
  async run({ input, tx, audit }) {
    const total = Object.values(input.minimums).reduce((sum, value) => sum + value, 0);
    if (total === 0) throw new ActionError('VALIDATION', MESSAGES.VALIDATION, { _form: ['At least one group must be required to agree'] });
    const team = await tx.team.findUniqueOrThrow({ where: { id: input.teamId }, select: { name: true } });
    // The two expectations settings live on the team, with its version: a policy saved (or the team edited) since the form was shown is a conflict.
    const { count } = await tx.team.updateMany({
      where: { id: input.teamId, ...(input.version === undefined ? {} : { version: input.version }) },
      data: { requireExpectationsCheck: input.requireExpectationsCheck, requireContestedSettled: input.requireContestedSettled, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await tx.agreementRequirement.deleteMany({ where: { teamId: input.teamId } });
    await tx.agreementRequirement.createMany({ data: Object.entries(input.minimums).map(([group, minimum]) => ({ teamId: input.teamId, group: group as keyof typeof input.minimums, minimum })) });
    // Versions in review are judged by the new policy at once: one that now meets it becomes Agreed.
    const inReview = await tx.roleVersion.findMany({ where: { status: 'IN_REVIEW', role: { teamId: input.teamId } }, orderBy: { id: 'asc' }, select: { id: true } });
    for (const version of inReview) await lockVersion(tx, version.id);
    const agreed = await refreshVersionsInReview(tx, inReview.map((version) => version.id));
    const summary = Object.entries(input.minimums).filter(([, minimum]) => minimum > 0).map(([group, minimum]) => `${group} ${minimum}`).join(', ');
    const expectations = `expectations check required: ${input.requireExpectationsCheck ? 'yes' : 'no'}; contested activities must be settled: ${input.requireContestedSettled ? 'yes' : 'no'}`;
    await audit({ action: 'team.policy.update', recordType: 'Team', recordId: input.teamId, summary: `Set the agreement policy for ${team.name}: ${summary}; ${expectations}${nowAgreed(agreed, true)}` });
    return { teamId: input.teamId };
  },
  revalidate: (data) => [`/teams/${data.teamId}`, `/teams/${data.teamId}/policy`],
});
