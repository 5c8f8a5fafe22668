import { commonPasswordProblem, newPasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/rules';
import { hashPassword, verifyPassword } from '@/lib/auth/password-hash';

function problems(password: unknown): string[] {
  const result = newPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('new password rules', () => {
  it('asks for at least 12 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(problems('kettle-lamp')).toEqual(['Password must be 12 characters or more']);
    expect(problems('kettle-lamp!')).toEqual([]);
  });

  it('allows at most 128 characters', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    const base = 'the quick brown fox jumps over the lazy dog ';
    const exactly128 = base.repeat(3).slice(0, 128);
    expect(exactly128).toHaveLength(128);
    expect(problems(exactly128)).toEqual([]);
    expect(problems(`${exactly128}x`)).toContain('Password must be 128 characters or fewer');
  });

  it.each(['password1234', 'qwerty123456', 'aaaaaaaaaaaa', 'PASSWORD1234', '123456789012', 'iloveyou2026!', 'abcabcabcabc', 'qwertyqwerty', 'abababababab'])(
    'refuses the common password %p',
    (password) => {
      expect(commonPasswordProblem(password)).toMatch(/too common/u);
      expect(problems(password)).toEqual([expect.stringMatching(/too common/u)]);
    },
  );

  it.each(['correct horse battery staple', 'Tea at four, then the library', 'purple-otter-sings-loudly'])('accepts the passphrase %p', (password) => {
    expect(commonPasswordProblem(password)).toBeNull();
    expect(problems(password)).toEqual([]);
  });

  it('accepts spaces and any characters (pasting from a password manager works)', () => {
    expect(problems('  Ünïcödé & spaces ✓  ')).toEqual([]);
  });

  it('refuses something that is not text', () => {
    expect(problems(undefined)).toEqual(['Enter a password']);
    expect(problems(123456789012)).toEqual(['Enter a password']);
  });
});

describe('password hashing', () => {
  it('stores an argon2id hash that verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$/u);
    expect(hash).not.toContain('correct horse');
    await expect(verifyPassword(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'correct horse battery stapler')).resolves.toBe(false);
  });

  it('treats a malformed hash as a wrong password rather than crashing', async () => {
    await expect(verifyPassword('not-a-hash', 'anything at all')).resolves.toBe(false);
  });
});
