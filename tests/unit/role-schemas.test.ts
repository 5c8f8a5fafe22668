// The role description's section forms: what a plain HTML form (or react-hook-form)
// posts, turned into section content, with errors on the fields that caused them.
import { sectionFormSchemas } from '@/lib/roles/schemas';
import { sectionSchemas } from '@/lib/roles/rules';

/** Field errors as the action returns them: dotted path to messages. */
function errorsOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (errors[issue.path.map(String).join('.') || '_form'] ??= []).push(issue.message);
  return errors;
}

describe('lists entered one item per line', () => {
  it('splits on new lines (Windows or Unix), trims each line, drops blank lines and keeps the order', () => {
    const result = sectionFormSchemas.responsibilities.parse({ items: '  Offer one-to-one peer support \r\n\r\nCo-facilitate recovery groups\n   \nShare own recovery story where helpful\n' });
    expect(result).toEqual({ items: ['Offer one-to-one peer support', 'Co-facilitate recovery groups', 'Share own recovery story where helpful'] });
  });

  it('gives an empty list for an empty textarea', () => {
    expect(sectionFormSchemas.notPart.parse({ items: '' })).toEqual({ items: [] });
    expect(sectionFormSchemas.notPart.parse({ items: '\n  \n' })).toEqual({ items: [] });
  });

  it('puts the error for an over-long item on that item, counted after blank lines are dropped', () => {
    const result = sectionFormSchemas.notPart.safeParse({ items: `Carrying out observations\n\n${'x'.repeat(501)}` });
    expect(errorsOf(result)).toEqual({ 'items.1': ['What the role is not must be 500 characters or fewer'] });
  });

  it('refuses more than 40 items, and anything that is not text', () => {
    expect(errorsOf(sectionFormSchemas.responsibilities.safeParse({ items: Array.from({ length: 41 }, (_, index) => `Item ${index}`).join('\n') }))).toEqual({
      items: ['List 40 responsibilities or fewer'],
    });
    expect(errorsOf(sectionFormSchemas.responsibilities.safeParse({ items: ['a list', 'of strings'] }))).toEqual({ items: ['Enter the key responsibilities, one per line'] });
    expect(errorsOf(sectionFormSchemas.responsibilities.safeParse({}))).toEqual({ items: ['Enter the key responsibilities, one per line'] });
  });
});

describe('values: a checkbox group and free text', () => {
  it('accepts nothing, one value or several', () => {
    expect(sectionFormSchemas.values.parse({})).toEqual({ selected: [], notes: '' });
    expect(sectionFormSchemas.values.parse({ selected: 'Hope' })).toEqual({ selected: ['Hope'], notes: '' });
    expect(sectionFormSchemas.values.parse({ selected: ['Hope', 'Mutuality'], notes: '  Curiosity  ' })).toEqual({ selected: ['Hope', 'Mutuality'], notes: 'Curiosity' });
  });

  it('refuses more than 30 values', () => {
    const result = sectionFormSchemas.values.safeParse({ selected: Array.from({ length: 31 }, (_, index) => `Value ${index}`) });
    expect(errorsOf(result)).toEqual({ selected: ['Select 30 values or fewer'] });
  });
});

describe('working arrangements', () => {
  const form = { contractType: 'PERMANENT', hoursPerWeek: '22.5', workingDays: ['MON', 'WED'], payBand: ' Band 3 ', base: 'Northbrook', teamMeetings: 'yes', recordsAccess: 'no', sameIt: 'yes' };

  it('turns yes and no into booleans and the hours into a number', () => {
    expect(sectionFormSchemas.working.parse(form)).toEqual({
      contractType: 'PERMANENT',
      hoursPerWeek: 22.5,
      workingDays: ['MON', 'WED'],
      payBand: 'Band 3',
      base: 'Northbrook',
      teamMeetings: true,
      recordsAccess: false,
      sameIt: true,
    });
  });

  it('leaves the contract type, hours and days unset when they are left empty', () => {
    const result = sectionFormSchemas.working.parse({ contractType: '', hoursPerWeek: ' ', teamMeetings: 'no', recordsAccess: 'no', sameIt: 'no' });
    expect(result).toMatchObject({ contractType: null, hoursPerWeek: null, workingDays: [], payBand: '', base: '', teamMeetings: false });
  });

  it('accepts a single working day posted on its own', () => {
    expect(sectionFormSchemas.working.parse({ ...form, workingDays: 'FRI' }).workingDays).toEqual(['FRI']);
  });

  it('asks for yes or no rather than guessing', () => {
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, sameIt: 'maybe' }))).toEqual({ sameIt: ['Select yes or no'] });
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, teamMeetings: undefined }))).toEqual({ teamMeetings: ['Select yes or no'] });
    // A boolean is not what a form posts: the schema takes the form's own values.
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, recordsAccess: true }))).toEqual({ recordsAccess: ['Select yes or no'] });
  });

  it('puts number and list errors on their fields', () => {
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, hoursPerWeek: 'twenty' }))).toEqual({ hoursPerWeek: ['Hours per week must be a number, like 22.5'] });
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, hoursPerWeek: '60' }))).toEqual({ hoursPerWeek: ['Hours per week must be 48 or fewer'] });
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, hoursPerWeek: '0' }))).toEqual({ hoursPerWeek: ['Hours per week must be at least 1'] });
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, contractType: 'ZERO_HOURS' }))).toEqual({ contractType: ['Select a contract type'] });
    expect(errorsOf(sectionFormSchemas.working.safeParse({ ...form, workingDays: ['MON', 'FUNDAY'] }))).toEqual({ 'workingDays.1': ['Select working days from the list'] });
  });
});

describe('supervision: rows of type, provider and frequency', () => {
  const peer = { type: 'PEER_SUPERVISION', provider: ' An experienced peer worker ', everyWeeks: '4' };
  const line = { type: 'LINE_MANAGEMENT', provider: 'Team manager', everyWeeks: '6' };
  const blank = { type: '', provider: '', everyWeeks: '' };

  it('turns the rows into arrangements in row order, ignoring blank rows', () => {
    const result = sectionFormSchemas.supervision.parse({ rows: { 10: line, 0: peer, 1: blank, 2: {} } });
    expect(result).toEqual({
      arrangements: [
        { type: 'PEER_SUPERVISION', provider: 'An experienced peer worker', everyWeeks: 4 },
        { type: 'LINE_MANAGEMENT', provider: 'Team manager', everyWeeks: 6 },
      ],
    });
    expect(sectionSchemas.supervision.safeParse(result).success).toBe(true);
  });

  it('gives no arrangements when nothing, or only blank rows, are posted', () => {
    expect(sectionFormSchemas.supervision.parse({})).toEqual({ arrangements: [] });
    expect(sectionFormSchemas.supervision.parse({ rows: { 0: blank, 1: { type: '', provider: '   ', everyWeeks: ' ' } } })).toEqual({ arrangements: [] });
  });

  it('reports what an incomplete row is missing, on that row', () => {
    const result = sectionFormSchemas.supervision.safeParse({ rows: { 0: peer, 1: blank, 2: { type: '', provider: 'Clinical psychologist', everyWeeks: '' }, 3: { type: 'CLINICAL_SUPERVISION', provider: '', everyWeeks: '' } } });
    expect(errorsOf(result)).toEqual({
      'rows.2.type': ['Select a type of supervision'],
      'rows.2.everyWeeks': ['Enter how often, in weeks'],
      'rows.3.everyWeeks': ['Enter how often, in weeks'],
    });
  });

  it('reports a frequency out of range on the row it was entered in, even after blank rows', () => {
    // Row 1 is blank, so this is the first arrangement; the error still belongs to rows.2.
    const result = sectionFormSchemas.supervision.safeParse({ rows: { 0: blank, 2: { ...line, everyWeeks: '0' } } });
    expect(errorsOf(result)).toEqual({ 'rows.2.everyWeeks': ['Frequency must be at least every week'] });
    expect(errorsOf(sectionFormSchemas.supervision.safeParse({ rows: { 0: { ...line, everyWeeks: '53' } } }))).toEqual({ 'rows.0.everyWeeks': ['Frequency must be at least once a year'] });
    expect(errorsOf(sectionFormSchemas.supervision.safeParse({ rows: { 0: { ...line, everyWeeks: '2.5' } } }))).toEqual({ 'rows.0.everyWeeks': ['Frequency must be a whole number of weeks'] });
    expect(errorsOf(sectionFormSchemas.supervision.safeParse({ rows: { 0: { ...line, everyWeeks: 'monthly' } } }))).toEqual({ 'rows.0.everyWeeks': ['Frequency must be a number of weeks'] });
  });

  it('refuses a type that is not in the list and an over-long provider, on their fields', () => {
    expect(errorsOf(sectionFormSchemas.supervision.safeParse({ rows: { 0: { ...peer, type: 'COFFEE' } } }))).toEqual({ 'rows.0.type': ['Select a type of supervision'] });
    expect(errorsOf(sectionFormSchemas.supervision.safeParse({ rows: { 1: { ...peer, provider: 'x'.repeat(201) } } }))).toEqual({
      'rows.1.provider': ['Who provides it must be 200 characters or fewer'],
    });
  });

  it('refuses more than 10 arrangements', () => {
    const rows = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [index, peer]));
    expect(errorsOf(sectionFormSchemas.supervision.safeParse({ rows }))).toEqual({ arrangements: ['List 10 arrangements or fewer'] });
  });
});

describe('free-text sections', () => {
  it('trims the text and refuses more than 5,000 characters', () => {
    expect(sectionFormSchemas.purpose.parse({ text: '  To offer peer support.  ' })).toEqual({ text: 'To offer peer support.' });
    expect(errorsOf(sectionFormSchemas.training.safeParse({ text: 'x'.repeat(5001) }))).toEqual({ text: ['Training and development must be 5,000 characters or fewer'] });
    expect(errorsOf(sectionFormSchemas.progression.safeParse({ text: 42 }))).toEqual({ text: ['Enter progression'] });
  });
});
