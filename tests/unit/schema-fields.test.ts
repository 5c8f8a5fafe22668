import { requiredLongText, requiredText, unsafeCharacterProblem } from '@/lib/schema-fields';

describe('characters typed text may not carry', () => {
  it.each([
    ['a right-to-left override', '\u202e'],
    ['a left-to-right isolate', '\u2066'],
    ['an Arabic letter mark', '\u061c'],
    ['a null', '\u0000'],
    ['a bell', '\u0007'],
    ['a C1 control', '\u0085'],
    ['a zero-width space', '\u200b'],
    ['a word joiner', '\u2060'],
    ['a byte-order mark', '\ufeff'],
    ['a soft hyphen', '\u00ad'],
    ['an interlinear annotation', '\ufff9'],
    ['a tag character', '\u{e0041}'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
  ])('refuses %s in one line and in paragraphs', (_name, character) => {
    expect(requiredText('a team name', 120).safeParse(`Crisis${character}team`).success).toBe(false);
    expect(requiredLongText('your concern', 500).safeParse(`First line\nCrisis${character}team`).success).toBe(false);
  });

  it('refuses a tab or line break on one line, and keeps them in paragraphs', () => {
    expect(unsafeCharacterProblem('Band\t3', 'pay band')).toBe('Pay band must not contain tabs, line breaks or other control or invisible characters');
    expect(unsafeCharacterProblem('Line one\nLine two', 'title')).not.toBeNull();
    expect(unsafeCharacterProblem('Line one\r\n\tLine two', 'concern', true)).toBeNull();
  });

  it('says which problem it is', () => {
    expect(unsafeCharacterProblem('abc\u202e', 'a title')).toBe('A title must not contain characters that change the direction of text');
  });

  it('accepts ordinary text in any language, emoji and the joiners they need', () => {
    for (const text of ['Peer support worker', 'Gweithiwr cymorth cyfoedion', 'Zoë O’Neill-Smith', 'دعم الأقران', 'सहकर्मी', '👩‍⚕️ Nurse', 'Ward 3 – “Oak”']) {
      expect(unsafeCharacterProblem(text, 'name')).toBeNull();
      expect(requiredText('a name', 120).safeParse(text)).toMatchObject({ success: true });
    }
  });
});
