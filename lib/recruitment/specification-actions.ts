'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import { criterionScope, specificationScope } from '@/lib/recruitment/access';
import { specificationPath } from '@/lib/recruitment/paths';
import { QUESTION_BANK, STARTING_CRITERIA } from '@/lib/recruitment/question-bank';
import { DEFAULT_DESCRIPTORS } from '@/lib/recruitment/rules';
import { createSpecificationSchema, removeCriterionSchema, saveCriterionSchema } from '@/lib/recruitment/schemas';
import { getAgreedVersion, RoleNotAgreedError, roleScope } from '@/lib/roles/gate';
import { activeTeam } from '@/lib/teams/gate';

/*
 * Building a person specification from an agreed role: HR for any team, a
 * team's manager for their own. Criteria are fixed once a vacancy using the
 * specification starts scoring, since scores point at them.
 */

export const createSpecification = defineAction({
  name: 'recruitment.specification.create',
  permission: 'recruitment.specification.manage',
  input: createSpecificationSchema,
  scope: (input, tx) => roleScope(tx, input.roleId),
  async run({ input, user, tx, audit }) {
    const agreed = await getAgreedVersion(input.roleId, tx).catch((error: unknown) => {
      throw error instanceof RoleNotAgreedError ? fieldError('roleId', 'This role has no agreed version yet: a person specification is built from an agreed role') : error;
    });
    await activeTeam(tx, agreed.role.teamId);
    const specification = await tx.personSpecification.create({
      data: {
        teamId: agreed.role.teamId,
        roleVersionId: agreed.id,
        title: input.title,
        createdById: user.id,
        criteria: {
          create: STARTING_CRITERIA.map((criterion, position) => ({
            ...criterion,
            position,
            weight: 1,
            descriptors: [...DEFAULT_DESCRIPTORS],
            questions: QUESTION_BANK[criterion.category].slice(0, 2),
          })),
        },
      },
      select: { id: true },
    });
    await audit({
      action: 'recruitment.specification.create',
      recordType: 'PersonSpecification',
      recordId: specification.id,
      summary: `Started the person specification "${input.title}" from version ${agreed.number} of ${agreed.role.title}`,
    });
    return { specificationId: specification.id };
  },
  revalidate: () => ['/recruitment'],
});

/** The specification, locked, refusing changes once a vacancy using it has started scoring. */
async function editableSpecification(tx: Tx, specificationId: string, version: number) {
  await tx.$queryRaw`SELECT id FROM "PersonSpecification" WHERE id = ${specificationId}::uuid FOR UPDATE`;
  const specification = await tx.personSpecification.findUniqueOrThrow({
    where: { id: specificationId },
    select: { id: true, title: true, version: true, _count: { select: { vacancies: { where: { status: { notIn: ['DRAFT', 'OPEN'] } } } } } },
  });
  if (specification._count.vacancies > 0) throw new ActionError('CONFLICT', 'A vacancy using this person specification has started scoring, so its criteria can no longer change.');
  if (specification.version !== version) throw conflict();
  await tx.personSpecification.update({ where: { id: specificationId }, data: { version: { increment: 1 } } });
  return specification;
}

export const saveCriterion = defineAction({
  name: 'recruitment.criterion.save',
  permission: 'recruitment.specification.manage',
  input: saveCriterionSchema,
  scope: (input, tx) => specificationScope(tx, input.specificationId),
  async run({ input, tx, audit }) {
    const specification = await editableSpecification(tx, input.specificationId, input.version);
    const fields = {
      category: input.category,
      wording: input.wording,
      essential: input.essential,
      assessedBy: [...new Set(input.assessedBy)],
      weight: input.weight,
      descriptors: [0, 1, 2, 3, 4].map((score) => input.descriptors[score as 0 | 1 | 2 | 3 | 4]),
      questions: input.questions,
    };
    let criterionId = input.criterionId;
    if (criterionId) {
      const { count } = await tx.criterion.updateMany({ where: { id: criterionId, specificationId: input.specificationId }, data: fields });
      if (count === 0) throw new ActionError('NOT_FOUND', 'That criterion is no longer in this person specification.');
    } else {
      const last = await tx.criterion.aggregate({ where: { specificationId: input.specificationId }, _max: { position: true } });
      criterionId = (await tx.criterion.create({ data: { ...fields, specificationId: input.specificationId, position: (last._max.position ?? -1) + 1 }, select: { id: true } })).id;
    }
    await audit({
      action: 'recruitment.criterion.save',
      recordType: 'PersonSpecification',
      recordId: input.specificationId,
      summary: `${input.criterionId ? 'Changed' : 'Added'} the criterion "${input.wording.slice(0, 120)}" in "${specification.title}"`,
    });
    return { specificationId: input.specificationId, criterionId };
  },
  revalidate: (data) => [specificationPath(data.specificationId)],
});

export const removeCriterion = defineAction({
  name: 'recruitment.criterion.remove',
  permission: 'recruitment.specification.manage',
  input: removeCriterionSchema,
  scope: (input, tx) => criterionScope(tx, input.criterionId),
  async run({ input, tx, audit }) {
    const criterion = await tx.criterion.findUniqueOrThrow({ where: { id: input.criterionId }, select: { specificationId: true, wording: true, _count: { select: { answers: { where: { text: { not: null } } } } } } });
    const specification = await editableSpecification(tx, criterion.specificationId, input.version);
    if (criterion._count.answers > 0) throw new ActionError('CONFLICT', 'Candidates have already answered this criterion in their applications, so it cannot be removed.');
    await tx.applicationAnswer.deleteMany({ where: { criterionId: input.criterionId } });
    await tx.criterion.delete({ where: { id: input.criterionId } });
    await audit({
      action: 'recruitment.criterion.remove',
      recordType: 'PersonSpecification',
      recordId: criterion.specificationId,
      summary: `Removed the criterion "${criterion.wording.slice(0, 120)}" from "${specification.title}"`,
    });
    return { specificationId: criterion.specificationId };
  },
  revalidate: (data) => [specificationPath(data.specificationId)],
});
