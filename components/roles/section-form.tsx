'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { rolePath } from '@/components/roles/paths';
import { SectionBody } from '@/components/roles/role-content';
import { fieldId, normaliseSectionValue, sectionClientSchema, sectionErrors, sectionFormValue, type SectionFormValue } from '@/components/roles/section-form-values';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Checkboxes, Radios, Select, Textarea, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { CONTRACT_TYPES, sectionTitle, SUPERVISION_TYPES, WORKING_DAYS, type RoleContent, type RoleSectionKey } from '@/lib/roles/rules';
import { saveDraftSection } from '@/lib/roles/actions';

interface SectionFormProps {
  teamId: string;
  roleId: string;
  roleTitle: string;
  section: RoleSectionKey;
  /** The draft as saved now, and its version: after a conflict the page refreshes and these move on. */
  draft: RoleContent;
  draftVersion: number;
  valueOptions: string[];
  notPartOptions: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = UseFormReturn<any, unknown, any>;
type FieldError = (field: string) => string | undefined;

const noSubscription = () => () => {};
/** False on the server and while hydrating: controls that need JavaScript appear only once it runs. */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

const yesNoOptions = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

function Caption({ roleTitle }: { roleTitle: string }) {
  return (
    <span className="nhsuk-caption-l">
      {roleTitle}
      <span className="nhsuk-u-visually-hidden"> – </span>
    </span>
  );
}

function TextSection({ form, error, defaults, roleTitle, section }: { form: AnyForm; error: FieldError; defaults: SectionFormValue; roleTitle: string; section: 'purpose' | 'training' | 'progression' }) {
  const hints = {
    purpose: 'Why the team wants a peer worker, and what they bring that others in the team do not. Candidates will read this, so write in plain English.',
    training: 'For example, peer support training against the Health Education England competence framework, WRAP facilitator training, or time to meet other peer workers. Leave it empty if you have nothing to add yet.',
    progression: 'Where the role can lead, for example a senior peer worker, peer trainer or peer supervisor role. Leave it empty if you have nothing to add yet.',
  } as const;
  return (
    <Textarea
      id="text"
      label={
        <>
          <Caption roleTitle={roleTitle} />
          {sectionTitle(section)}
        </>
      }
      labelIsPageHeading
      hint={hints[section]}
      rows={8}
      defaultValue={String(defaults.text ?? '')}
      error={error('text')}
      {...form.register('value.text')}
    />
  );
}

function ListSection({ form, error, defaults, roleTitle, section, suggestions }: { form: AnyForm; error: FieldError; defaults: SectionFormValue; roleTitle: string; section: 'responsibilities' | 'notPart'; suggestions: string[] }) {
  const hydrated = useHydrated();
  const current = String(useWatch({ control: form.control, name: 'value.items' }) ?? '');
  const [announcement, setAnnouncement] = useState('');
  const listed = new Set(current.split(/\r?\n/u).map((line) => line.trim().toLowerCase()));
  const offered = suggestions.filter((suggestion) => !listed.has(suggestion.trim().toLowerCase()));
  const suggestionId = (suggestion: string) => `suggestion-${suggestions.indexOf(suggestion)}`;
  // The button pressed disappears with its suggestion: keep keyboard focus nearby (the next suggestion, or the list).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [current]);
  const add = (suggestion: string) => {
    const text = current.replace(/\s+$/u, '');
    const index = offered.indexOf(suggestion);
    const next = offered[index + 1] ?? offered[index - 1];
    pendingFocus.current = next ? suggestionId(next) : 'items';
    form.setValue('value.items', text ? `${text}\n${suggestion}` : suggestion, { shouldDirty: true });
    setAnnouncement(`Added “${suggestion}” to the list`);
  };
  const hint =
    section === 'responsibilities'
      ? 'Put each responsibility on its own line, most important first: they are shown as a numbered list. For example: Offer one-to-one peer support to people using the service.'
      : 'Put each item on its own line. Saying clearly what the role is not protects peer practice: without it, peer workers get pulled into acting as junior clinicians.';
  return (
    <>
      <Textarea
        id="items"
        label={
          <>
            <Caption roleTitle={roleTitle} />
            {sectionTitle(section)}
          </>
        }
        labelIsPageHeading
        hint={hint}
        rows={10}
        defaultValue={String(defaults.items ?? '')}
        error={error('items')}
        {...form.register('value.items')}
      />
      {section === 'notPart' && suggestions.length > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <h2 className="nhsuk-heading-s">Common examples</h2>
          {offered.length === 0 ? (
            <p>All the common examples are in your list.</p>
          ) : (
            <ul className="nhsuk-list">
              {offered.map((suggestion) => (
                <li key={suggestion}>
                  {suggestion}
                  {hydrated ? (
                    <>
                      {' '}
                      <button type="button" id={suggestionId(suggestion)} className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0 nhsuk-u-margin-left-2" onClick={() => add(suggestion)}>
                        Add<span className="nhsuk-u-visually-hidden"> “{suggestion}” to the list</span>
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <div className="nhsuk-u-visually-hidden" aria-live="polite">
            {announcement}
          </div>
        </div>
      ) : null}
    </>
  );
}

function ValuesSection({ form, error, defaults, roleTitle, options }: { form: AnyForm; error: FieldError; defaults: SectionFormValue; roleTitle: string; options: string[] }) {
  const selected = (defaults.selected as string[]) ?? [];
  // Values chosen before the template changed stay on offer, so saving does not drop them.
  const all = [...options, ...selected.filter((value) => !options.includes(value))];
  return (
    <>
      <h1>
        <Caption roleTitle={roleTitle} />
        Peer support values
      </h1>
      <Checkboxes
        name="selected"
        legend="Which values is this role built on?"
        hint="Select all that apply."
        options={all.map((value) => ({ value, label: value }))}
        defaultValue={selected}
        error={error('selected')}
        inputProps={form.register('value.selected')}
      />
      <Textarea id="notes" label="Other values (optional)" hint="Anything the list does not cover, one per line." rows={4} defaultValue={String(defaults.notes ?? '')} error={error('notes')} {...form.register('value.notes')} />
    </>
  );
}

function WorkingSection({ form, error, defaults, roleTitle }: { form: AnyForm; error: FieldError; defaults: SectionFormValue; roleTitle: string }) {
  return (
    <>
      <h1>
        <Caption roleTitle={roleTitle} />
        Working arrangements
      </h1>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>Part-time, sessional or voluntary terms can leave peer workers lower in the team&apos;s hierarchy. Give them the same access to team meetings and systems as their colleagues.</p>
      </div>
      <Radios
        name="contractType"
        legend="Contract type"
        options={Object.entries(CONTRACT_TYPES).map(([value, label]) => ({ value, label }))}
        defaultValue={String(defaults.contractType ?? '')}
        error={error('contractType')}
        inputProps={form.register('value.contractType')}
      />
      <TextInput
        id="hoursPerWeek"
        label="Hours per week"
        hint="For example, 22.5. Full time is 37.5 hours."
        inputMode="decimal"
        width={4}
        autoComplete="off"
        defaultValue={String(defaults.hoursPerWeek ?? '')}
        error={error('hoursPerWeek')}
        {...form.register('value.hoursPerWeek')}
      />
      <Checkboxes
        name="workingDays"
        legend="Working days (optional)"
        hint="Select all that apply. Hold team meetings on days the peer worker works."
        options={Object.entries(WORKING_DAYS).map(([value, label]) => ({ value, label }))}
        defaultValue={(defaults.workingDays as string[]) ?? []}
        error={error('workingDays')}
        inputProps={form.register('value.workingDays')}
      />
      <TextInput id="payBand" label="Pay band (optional)" hint="For example, Band 4 (Agenda for Change)" width={20} autoComplete="off" defaultValue={String(defaults.payBand ?? '')} error={error('payBand')} {...form.register('value.payBand')} />
      <TextInput id="base" label="Base (optional)" hint="Where they will mostly work, for example Northbrook Resource Centre" autoComplete="off" defaultValue={String(defaults.base ?? '')} error={error('base')} {...form.register('value.base')} />
      <Radios name="teamMeetings" legend="Will they attend team meetings?" inline options={yesNoOptions} defaultValue={String(defaults.teamMeetings)} error={error('teamMeetings')} inputProps={form.register('value.teamMeetings')} />
      <Radios name="recordsAccess" legend="Will they have access to the records system?" inline options={yesNoOptions} defaultValue={String(defaults.recordsAccess)} error={error('recordsAccess')} inputProps={form.register('value.recordsAccess')} />
      <Radios name="sameIt" legend="Will they have the same IT as their colleagues?" inline options={yesNoOptions} defaultValue={String(defaults.sameIt)} error={error('sameIt')} inputProps={form.register('value.sameIt')} />
    </>
  );
}

function SupervisionSection({ form, error, defaults, roleTitle }: { form: AnyForm; error: FieldError; defaults: SectionFormValue; roleTitle: string }) {
  const rows = Object.entries((defaults.rows ?? {}) as Record<string, { type: string; provider: string; everyWeeks: string }>);
  const typeOptions = Object.entries(SUPERVISION_TYPES).map(([value, label]) => ({ value, label }));
  return (
    <>
      <h1>
        <Caption roleTitle={roleTitle} />
        Supervision and support
      </h1>
      <p>Peer supervision by an experienced peer worker helps a distinct peer practice grow. Clinical supervision on its own can pull peer workers into acting as junior clinicians.</p>
      <p>Add each kind of supervision or support the peer worker will get. Leave rows you do not need empty.</p>
      {rows.map(([key, row], index) => (
        <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5" key={key}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Arrangement {index + 1}</legend>
          <Select
            id={fieldId(`rows.${key}.type`)}
            label="Type of supervision or support"
            placeholder="Select a type"
            options={typeOptions}
            defaultValue={row.type}
            error={error(`rows.${key}.type`)}
            {...form.register(`value.rows.${key}.type`)}
          />
          <TextInput
            id={fieldId(`rows.${key}.provider`)}
            label="Who provides it (optional)"
            hint="For example, a senior peer worker from another team"
            autoComplete="off"
            defaultValue={row.provider}
            error={error(`rows.${key}.provider`)}
            {...form.register(`value.rows.${key}.provider`)}
          />
          <TextInput
            id={fieldId(`rows.${key}.everyWeeks`)}
            label="How often, in weeks"
            hint="For example, 4 means every 4 weeks"
            inputMode="numeric"
            width={2}
            autoComplete="off"
            defaultValue={row.everyWeeks}
            error={error(`rows.${key}.everyWeeks`)}
            {...form.register(`value.rows.${key}.everyWeeks`)}
          />
        </fieldset>
      ))}
    </>
  );
}

/**
 * One section of the draft. Saving sends the draft's version with it: when
 * someone else saved the draft in the meantime the server refuses (a conflict),
 * the person's text stays in the form, the page fetches what is saved now and
 * shows it beside the form, and saving again replaces it knowingly.
 */
export function SectionForm({ teamId, roleId, roleTitle, section, draft, draftVersion, valueOptions, notPartOptions }: SectionFormProps) {
  const router = useRouter();
  const overview = rolePath(teamId, roleId);
  const [initial] = useState(() => sectionFormValue(draft, section));
  // What the form is based on: the draft version it will send and this section as it was then.
  const [base, setBase] = useState(() => ({ version: draftVersion, section: JSON.stringify(draft[section]) }));
  const [schema] = useState(() => sectionClientSchema(section));
  const { form, formProps, pending, result } = useActionForm({
    schema,
    action: saveDraftSection,
    defaultValues: { roleId, draftVersion, section, value: initial },
    onSuccess: () => router.push(`${overview}?saved=${section}`),
  });
  const conflicted = result !== null && !result.ok && result.code === 'CONFLICT';
  // The other person's save: fetch the draft as it is now (the form keeps its values).
  useEffect(() => {
    if (conflicted) router.refresh();
  }, [conflicted, result, router]);
  const newerSaved = conflicted && draftVersion > base.version;
  const sectionChanged = newerSaved && JSON.stringify(draft[section]) !== base.section;

  const value = normaliseSectionValue(section, (form.getValues('value') ?? {}) as SectionFormValue);
  const { byField, summary } = sectionErrors(section, form.formState.errors, result, value);
  // router.refresh() after a conflict puts the page's own title back: say "Error:" again.
  useEffect(() => {
    if (summary.length > 0 && !document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
  }, [summary.length, draftVersion]);
  const error: FieldError = (field) => byField.get(field);

  if (result?.ok) {
    return (
      <SavedBanner heading={`“${sectionTitle(section)}” saved`} href={`${overview}?saved=${section}`}>
        Return to the role description
      </SavedBanner>
    );
  }

  const onSubmit: typeof formProps.onSubmit = (event) => {
    // Having seen what is saved now, saving again is a deliberate choice to replace it.
    if (newerSaved) {
      form.setValue('draftVersion', draftVersion);
      setBase({ version: draftVersion, section: JSON.stringify(draft[section]) });
    }
    return formProps.onSubmit(event);
  };

  let fields: ReactNode;
  const shared = { form: form as AnyForm, error, defaults: initial, roleTitle };
  switch (section) {
    case 'purpose':
    case 'training':
    case 'progression':
      fields = <TextSection {...shared} section={section} />;
      break;
    case 'responsibilities':
    case 'notPart':
      fields = <ListSection {...shared} section={section} suggestions={section === 'notPart' ? notPartOptions : []} />;
      break;
    case 'values':
      fields = <ValuesSection {...shared} options={valueOptions} />;
      break;
    case 'working':
      fields = <WorkingSection {...shared} />;
      break;
    case 'supervision':
      fields = <SupervisionSection {...shared} />;
      break;
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      {newerSaved ? (
        <div className="nhsuk-card nhsuk-card--warning" aria-labelledby="conflict-heading">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading" id="conflict-heading">
              {sectionChanged ? 'Someone else changed this section' : 'Someone else saved another part of the draft'}
            </h2>
            {sectionChanged ? (
              <>
                <p>Your changes are still in the form below and have not been saved. This is what is saved now:</p>
                <SectionBody content={draft} section={section} emptyText="Empty" />
                <p>Compare it with yours, then save again to replace it with your version, or <a href={`${overview}/draft/${section}`}>start again from what is saved</a>.</p>
              </>
            ) : (
              <p>This section has not changed, so you can save again and your changes will be kept.</p>
            )}
          </div>
        </div>
      ) : null}
      <form {...formProps} onSubmit={onSubmit}>
        <input type="hidden" {...form.register('roleId')} defaultValue={roleId} />
        <input type="hidden" {...form.register('draftVersion')} defaultValue={base.version} />
        <input type="hidden" {...form.register('section')} defaultValue={section} />
        {fields}
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save and return</SubmitButton>
          <Link className="nhsuk-link" href={overview}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

