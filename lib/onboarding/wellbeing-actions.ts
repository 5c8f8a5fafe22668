'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import { lockKey } from '@/lib/db';
import { personByEmail } from '@/lib/onboarding/records';
import { WELLBEING_PATH } from '@/lib/onboarding/paths';
import { revokeWellbeingShareSchema, shareWellbeingSchema, wellbeingPlanSchema } from '@/lib/onboarding/schemas';

/*
 * A peer worker's wellbeing plan is their own: only they write it, and they
 * choose who reads it, until they revoke it. Every action here works on the
 * signed-in person's own plan, so no id of a plan or person comes from the
 * client (a share is found among their own). The audit log says that the plan
 * changed or who it was shared with, never what it says.
 */

export const saveWellbeingPlan = defineAction({
  name: 'onboarding.wellbeing.save',
  permission: 'account.update',
  input: wellbeingPlanSchema,
  async run({ input, user, tx, audit }) {
    const { version, ...content } = input;
    // A first save from two tabs at once: the second waits, then finds the plan and checks its version.
    await lockKey(tx, `wellbeing:${user.id}`);
    const existing = await tx.wellbeingPlan.findUnique({ where: { userId: user.id }, select: { id: true, version: true } });
    let planId: string;
    if (existing) {
      const { count } = await tx.wellbeingPlan.updateMany({ where: { id: existing.id, version: version ?? -1 }, data: { ...content, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      planId = existing.id;
    } else {
      planId = (await tx.wellbeingPlan.create({ data: { userId: user.id, ...content }, select: { id: true } })).id;
    }
    await audit({ action: 'onboarding.wellbeing.save', recordType: 'WellbeingPlan', recordId: planId, summary: 'Changed their wellbeing plan' });
    return { planId };
  },
  revalidate: () => [WELLBEING_PATH],
});

export const shareWellbeingPlan = defineAction({
  name: 'onboarding.wellbeing.share',
  permission: 'account.update',
  input: shareWellbeingSchema,
  async run({ input, user, tx, audit }) {
    await lockKey(tx, `wellbeing:${user.id}`);
    const plan = await tx.wellbeingPlan.findUnique({ where: { userId: user.id }, select: { id: true } });
    if (!plan) throw new ActionError('CONFLICT', 'Write your wellbeing plan first, then choose who to share it with.');
    const person = await personByEmail(tx, input.email, 'email', 'the person to share it with');
    if (person.id === user.id) throw fieldError('email', 'This is your own email address: enter the address of the person to share it with');
    await tx.wellbeingShare.upsert({
      where: { planId_sharedWithId: { planId: plan.id, sharedWithId: person.id } },
      create: { planId: plan.id, sharedWithId: person.id },
      update: { revokedAt: null, createdAt: new Date() },
    });
    await audit({ action: 'onboarding.wellbeing.share', recordType: 'WellbeingPlan', recordId: plan.id, summary: `Shared their wellbeing plan with ${person.name}` });
    return { planId: plan.id };
  },
  revalidate: () => [WELLBEING_PATH],
});

export const revokeWellbeingShare = defineAction({
  name: 'onboarding.wellbeing.revoke',
  permission: 'account.update',
  input: revokeWellbeingShareSchema,
  async run({ input, user, tx, audit }) {
    // Only a share of the person's own plan: anyone else's is "not found".
    const share = await tx.wellbeingShare.findFirst({ where: { id: input.shareId, plan: { userId: user.id } }, select: { id: true, planId: true, revokedAt: true, sharedWith: { select: { name: true } } } });
    if (!share) throw new ActionError('NOT_FOUND', 'That share no longer exists.');
    if (!share.revokedAt) await tx.wellbeingShare.update({ where: { id: share.id }, data: { revokedAt: new Date() } });
    await audit({ action: 'onboarding.wellbeing.revoke', recordType: 'WellbeingPlan', recordId: share.planId, summary: `Stopped sharing their wellbeing plan with ${share.sharedWith.name}` });
    return { planId: share.planId };
  },
  revalidate: () => [WELLBEING_PATH],
});
