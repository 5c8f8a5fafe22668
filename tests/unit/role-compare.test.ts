import { compareContent, diffLines } from '@/lib/roles/compare';
import { EMPTY_CONTENT, parseContent, sectionIsComplete, sectionLines } from '@/lib/roles/rules';

describe('diffLines', () => {
  it('marks unchanged, removed and added lines in order', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines([], ['x'])).toEqual([{ kind: 'added', text: 'x' }]);
    expect(diffLines(['x'], [])).toEqual([{ kind: 'removed', text: 'x' }]);
    expect(diffLines([], [])).toEqual([]);
  });
});

describe('compareContent', () => {
  it('reports only the sections that changed', () => {
    const before = { ...EMPTY_CONTENT, responsibilities: { items: ['One-to-one peer support'] } };
    const after = { ...EMPTY_CONTENT, responsibilities: { items: ['One-to-one peer support', 'Co-facilitating groups'] } };
    const sections = compareContent(before, after);
    expect(sections.filter((section) => section.changed).map((section) => section.key)).toEqual(['responsibilities']);
    expect(sections.find((section) => section.key === 'responsibilities')?.changes).toEqual([
      { kind: 'same', text: 'One-to-one peer support' },
      { kind: 'added', text: 'Co-facilitating groups' },
    ]);
  });

  it('shows a changed working arrangement as one line removed and one added', () => {
    const before = { ...EMPTY_CONTENT, working: { ...EMPTY_CONTENT.working, hoursPerWeek: 15 } };
    const after = { ...EMPTY_CONTENT, working: { ...EMPTY_CONTENT.working, hoursPerWeek: 22.5 } };
    const working = compareContent(before, after).find((section) => section.key === 'working');
    expect(working?.changes.filter((change) => change.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Hours per week: 15' },
      { kind: 'added', text: 'Hours per week: 22.5' },
    ]);
  });
});

describe('role content', () => {
  it('falls back to empty sections for unreadable stored content, keeping the readable ones', () => {
    const content = parseContent({ purpose: { text: 'Kept' }, responsibilities: 'not a list' });
    expect(content.purpose.text).toBe('Kept');
    expect(content.responsibilities.items).toEqual([]);
  });

  it('knows which sections are complete', () => {
    expect(sectionIsComplete(EMPTY_CONTENT, 'purpose')).toBe(false);
    expect(sectionIsComplete({ ...EMPTY_CONTENT, purpose: { text: 'x' } }, 'purpose')).toBe(true);
    expect(sectionIsComplete(EMPTY_CONTENT, 'working')).toBe(false);
  });

  it('renders supervision as readable lines', () => {
    const content = { ...EMPTY_CONTENT, supervision: { arrangements: [{ type: 'PEER_SUPERVISION' as const, provider: 'Sam', everyWeeks: 4 }] } };
    expect(sectionLines(content, 'supervision')).toEqual(['Peer supervision by an experienced peer worker (Sam), every 4 weeks']);
  });
});
