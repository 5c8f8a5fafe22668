import { isAcceptableAuthCallbackUrl, originOf, safeCallbackUrl } from '@/lib/auth/callback-url';

describe('safeCallbackUrl with the site origin', () => {
  const site = 'https://peerroles.example.nhs.uk';
  it('turns an absolute address on this site (from next-auth after a failed sign-in) into a path', () => {
    expect(safeCallbackUrl(`${site}/teams?page=2`, site)).toBe('/teams?page=2');
    expect(safeCallbackUrl('HTTPS://PEERROLES.example.nhs.uk/teams', site)).toBe('/teams');
  });
  it('still sends other origins and tricks home', () => {
    for (const value of ['https://evil.example/teams', `${site}.evil.example/teams`, `${site}@evil.example/`, `${site}//evil.example`, `${site}/\\evil.example`, site, `${site}/sign-in`]) {
      expect(safeCallbackUrl(value, site)).toBe('/');
    }
  });
  it('reads the origin of NEXTAUTH_URL', () => {
    expect(originOf('https://peerroles.example.nhs.uk/some/path')).toBe(site);
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf(undefined)).toBeUndefined();
  });
});

describe('isAcceptableAuthCallbackUrl', () => {
  it.each(['/', '/sign-in', '/teams?page=2', 'http://127.0.0.1:3000/sign-in?callbackUrl=%2Fteams', 'https://evil.example/'])('lets next-auth handle %s', (value) => {
    expect(isAcceptableAuthCallbackUrl(value)).toBe(true);
  });
  // Found by Wapiti: each made next-auth answer 500.
  it.each([';env;', '/etc/passwd\u0000', '";exit(md5(\'w4p1t1_md5\'));//', 'javascript:alert(1)', '/teams\n', '/a b', '/\\evil', '', 42, undefined, `/${'a'.repeat(2001)}`])(
    'refuses %p',
    (value) => {
      expect(isAcceptableAuthCallbackUrl(value)).toBe(false);
    },
  );
});
