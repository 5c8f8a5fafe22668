'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import { applyImport, newcomersInvited } from '@/lib/people/import';
import { importedRows, type StoredImport } from '@/lib/people/import-records';
import { importContext } from '@/lib/people/directory';
import { administratorChanges, countsToken, guessMapping, IMPORT_FIELDS, ImportFormatError, mappingProblems, planCounts, planImport, readImportFile, readImportTable, SMALL_IMPORT_PEOPLE, type ColumnMapping } from '@/lib/people/rules';
import { importConfirmSchema, importMappingSchema, importUploadSchema } from '@/lib/people/schemas';

/*
 * Bringing people and teams in from a file (issue 14 §3), in three steps an
 * administrator takes on their own import: upload (or paste), choose the
 * columns when their headers were not recognised, and confirm the preview.
 * Nothing about people is written before the confirmation; then all of it or
 * none, at once for a small file, by the background worker for a large one.
 */

/** The signed-in administrator's own import, locked, while it is still a draft; anyone else's is not found. */
async function ownDraft(tx: Tx, importId: string, userId: string, version: number): Promise<StoredImport> {
  const [stored] = await tx.$queryRaw<StoredImport[]>`
    SELECT id, "createdById", "fileName", cells, mapping, status::text AS status, version
    FROM "PeopleImport" WHERE id = ${importId}::uuid AND "createdById" = ${userId}::uuid FOR UPDATE`;
  if (!stored) throw new ActionError('NOT_FOUND', 'This import no longer exists: upload the file again.');
  if (stored.status !== 'DRAFT') throw new ActionError('CONFLICT', 'This import has been confirmed already: its page shows how it went.');
  if (stored.version !== version) throw conflict();
  return stored;
}

export const uploadImport = defineAction({
  name: 'people.import.upload',
  permission: 'person.import',
  input: importUploadSchema,
  async run({ input, user, tx, audit }) {
    let cells: string[][];
    try {
      const text = input.file ? readImportFile(new Uint8Array(await input.file.arrayBuffer())) : input.pasted!;
      cells = readImportTable(text);
    } catch (error) {
      if (error instanceof ImportFormatError) throw fieldError(input.file ? 'file' : 'pasted', error.message);
      throw error;
    }
    const fileName = input.file && 'name' in input.file && typeof input.file.name === 'string' && input.file.name ? input.file.name.slice(0, 200) : 'Pasted rows';
    const mapping = guessMapping(cells[0]);
    // One draft at a time: an earlier one the administrator left is replaced, so copies of staff lists do not pile up.
    await tx.peopleImport.deleteMany({ where: { createdById: user.id, status: 'DRAFT' } });
    const stored = await tx.peopleImport.create({ data: { createdById: user.id, fileName, cells, mapping }, select: { id: true } });
    await audit({ action: 'people.import.upload', recordType: 'PeopleImport', recordId: stored.id, summary: `Uploaded ${cells.length - 1} rows of people and teams to check before importing` });
    return { importId: stored.id, columnsRecognised: mappingProblems(mapping, cells[0].length).length === 0 };
  },
});

export const chooseImportColumns = defineAction({
  name: 'people.import.columns',
  permission: 'person.import',
  input: importMappingSchema,
  async run({ input, user, tx, audit }) {
    const stored = await ownDraft(tx, input.importId, user.id, input.version);
    const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, input[field] === '' || input[field] === undefined ? null : input[field]])) as ColumnMapping;
    const problems = mappingProblems(mapping, stored.cells[0].length);
    // One message carrying every problem: the form shows a field's first message.
    if (problems.length > 0) throw new ActionError('VALIDATION', problems.join('. '), { [mapping.name === null ? 'name' : mapping.email === null ? 'email' : 'team']: [problems.join('. ')] });
    await tx.peopleImport.update({ where: { id: stored.id }, data: { mapping, version: { increment: 1 } } });
    await audit({ action: 'people.import.columns', recordType: 'PeopleImport', recordId: stored.id, summary: 'Chose which column holds what in an import' });
    return { importId: stored.id };
  },
});

export const confirmImport = defineAction({
  name: 'people.import.confirm',
  permission: 'person.import',
  input: importConfirmSchema,
  async run({ input, user, tx, audit }) {
    const stored = await ownDraft(tx, input.importId, user.id, input.version);
    const disableMissing = input.disableMissing === 'yes';
    const rows = importedRows(stored);
    const plan = planImport(rows, stored.mapping, await importContext(tx));
    if (plan.errors > 0) throw new ActionError('VALIDATION', 'Some rows have a problem: fix the file and upload it again.');
    if (countsToken(planCounts(plan)) !== input.expected) throw new ActionError('CONFLICT', 'People or teams have changed since you checked the preview: check it again before you confirm.');
    if (administratorChanges(plan).length > 0 && input.administratorChanges !== 'yes') {
      throw fieldError('administratorChanges', 'Tick to confirm the changes to who is an administrator, or remove them from the file');
    }
    const people = plan.people.length;
    // Disabling is people written too: a full import of a trust that disables hundreds goes to the worker as well.
    if (people + (disableMissing ? plan.missing.length : 0) > SMALL_IMPORT_PEOPLE) {
      // Large: the worker writes it (lib/people/import-jobs.ts), judging the rows again then; the page shows its progress.
      await tx.peopleImport.update({ where: { id: stored.id }, data: { status: 'QUEUED', disableMissing, administratorChanges: input.administratorChanges === 'yes', expectedCounts: input.expected, total: people, version: { increment: 1 } } });
      await audit({ action: 'people.import.confirm', recordType: 'PeopleImport', recordId: stored.id, summary: `Confirmed an import of ${people} people, to be written in the background${disableMissing ? ', disabling people missing from it' : ''}` });
      return { importId: stored.id, queued: true };
    }
    const outcome = await applyImport(tx, { rows, mapping: stored.mapping, disableMissing, actorId: user.id, expected: input.expected, administratorChangesConfirmed: input.administratorChanges === 'yes', invite: await newcomersInvited(tx) });
    const { judged, ...result } = outcome;
    await tx.peopleImport.update({
      where: { id: stored.id },
      data: { status: 'DONE', disableMissing, total: people, processed: people, result: { ...result }, outcomes: judged.map((row) => ({ ...row })), finishedAt: new Date(), version: { increment: 1 } },
    });
    await audit({ action: 'people.import.confirm', recordType: 'PeopleImport', recordId: stored.id, summary: `Imported people and teams: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.disabled} disabled` });
    return { importId: stored.id, queued: false };
  },
});
