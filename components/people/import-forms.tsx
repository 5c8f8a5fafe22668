'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { collectFormErrors } from '@/components/ui/form-errors';
import { Checkboxes, FormGroup, Select, Textarea } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useErrorTitle } from '@/components/ui/use-error-title';
import type { ActionResult } from '@/lib/action';
import { chooseImportColumns, confirmImport, uploadImport } from '@/lib/people/import-actions';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping } from '@/lib/people/rules';

type Action<T> = (previous: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

/**
 * The import's forms post the browser's own FormData (a file cannot go through
 * react-hook-form), so they are checked on the server only. Without
 * JavaScript the post re-renders the page with the action's result; with it,
 * a success moves on to the next step.
 */
function usePostedForm<T>(action: Action<T>, next: (data: T) => string) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) router.push(next(result.data));
    // next is the same function every render in practice; the result is what moves us on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, router]);
  // The server's errors only (no react-hook-form here), gathered as every other form's are.
  const { summary, at } = collectFormErrors({}, result);
  useErrorTitle(summary.length > 0);
  return { result, formAction, pending, summary, fieldError: at };
}

const importHref = (data: { importId: string }) => `/people/import/${data.importId}`;

export function ImportUploadForm() {
  const { result, formAction, pending, summary, fieldError } = usePostedForm(uploadImport, (data) => (data.columnsRecognised ? importHref(data) : `${importHref(data)}/columns`));
  if (result?.ok) {
    return (
      <SavedBanner heading="The file has been read: nothing is imported yet" href={result.data.columnsRecognised ? importHref(result.data) : `${importHref(result.data)}/columns`}>
        {result.data.columnsRecognised ? 'Check what will change' : 'Choose which column holds what'}
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} noValidate>
        <FormGroup id="file" label="Upload a CSV file" hint="Up to 10 MB. Save a spreadsheet as “CSV UTF-8” first." error={fieldError('file')}>
          <input
            className={['nhsuk-file-upload', fieldError('file') ? 'nhsuk-file-upload--error' : ''].filter(Boolean).join(' ')}
            id="file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            aria-describedby={['file-hint', fieldError('file') ? 'file-error' : ''].filter(Boolean).join(' ')}
          />
        </FormGroup>
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Or paste rows from a spreadsheet</span>
          </summary>
          <div className="nhsuk-details__text">
            <Textarea id="pasted" name="pasted" label="Rows, with the header row first" hint="Select the cells in your spreadsheet, copy them, and paste them here." rows={8} spellCheck={false} error={fieldError('pasted')} />
          </div>
        </details>
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Check the file</SubmitButton>
          <Link className="nhsuk-link" href="/people">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function ImportColumnsForm({ importId, version, headers, mapping }: { importId: string; version: number; headers: readonly string[]; mapping: ColumnMapping }) {
  const { result, formAction, pending, summary, fieldError } = usePostedForm(chooseImportColumns, importHref);
  if (result?.ok) {
    return (
      <SavedBanner heading="Columns saved" href={importHref(result.data)}>
        Check what will change
      </SavedBanner>
    );
  }
  const options = [{ value: '', label: 'Not in the file' }, ...headers.map((header, index) => ({ value: String(index), label: `Column ${index + 1}: ${header || '(no heading)'}` }))];
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} noValidate>
        <input type="hidden" name="importId" value={importId} />
        <input type="hidden" name="version" value={version} />
        {IMPORT_FIELDS.map((field) => (
          <Select
            key={field}
            id={field}
            name={field}
            label={`${IMPORT_FIELD_LABELS[field]}${field === 'name' || field === 'email' ? '' : ' (optional)'}`}
            hint={field === 'jobTitle' || field === 'orgRole' ? 'When the file has no such column, everyone’s stays as it is.' : undefined}
            options={options}
            defaultValue={mapping[field] === null ? '' : String(mapping[field])}
            error={fieldError(field)}
          />
        ))}
        <SubmitButton pending={pending}>Save and check what will change</SubmitButton>
      </form>
    </>
  );
}

export function ImportConfirmForm({ importId, version, expected, missing, administratorChanges, children }: { importId: string; version: number; expected: string; missing: number; administratorChanges: number; children: ReactNode }) {
  // With JavaScript, moving to the import's own page shows its result, or the background job's progress.
  const { result, formAction, pending, summary, fieldError } = usePostedForm(confirmImport, importHref);
  if (result?.ok) {
    return (
      <SavedBanner heading={result.data.queued ? 'The import has started' : 'The import is complete'} href={importHref(result.data)}>
        {result.data.queued ? 'See its progress' : 'See what changed'}
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} noValidate>
        <input type="hidden" name="importId" value={importId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="expected" value={expected} />
        {missing > 0 ? (
          <Checkboxes
            name="disableMissing"
            legend="People missing from the file"
            hint="Leave this unticked unless the file is everyone who should have an account. Disabled people are signed out and can be enabled again from their page."
            options={[{ value: 'yes', label: `Disable the ${missing === 1 ? 'person' : `${missing.toLocaleString('en-GB')} people`} missing from the file` }]}
          />
        ) : null}
        {administratorChanges > 0 ? (
          <Checkboxes
            name="administratorChanges"
            legend="Administrators"
            hint="Administrators can add, change and disable anyone. Check these changes before you confirm them."
            error={fieldError('administratorChanges')}
            options={[{ value: 'yes', label: `Make the ${administratorChanges === 1 ? 'change' : `${administratorChanges} changes`} to who is an administrator listed above` }]}
          />
        ) : null}
        {children}
        <SubmitButton pending={pending}>Import</SubmitButton>
      </form>
    </>
  );
}
