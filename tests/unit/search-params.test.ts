import { lookup, searchParam } from '@/lib/search-params';

describe('searchParam', () => {
  it('reads the first value of an own property, and nothing inherited', () => {
    expect(searchParam({ q: ['a', 'b'] }, 'q')).toBe('a');
    expect(searchParam({ q: 'x' }, 'q')).toBe('x');
    expect(searchParam({}, 'q')).toBe('');
    expect(searchParam({}, 'constructor')).toBe('');
    expect(searchParam({}, 'toString')).toBe('');
  });
});

describe('lookup', () => {
  const banners = { saved: 'Saved' };
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('finds no banner for ?status=%s', (key) => {
    expect(lookup(banners, key)).toBeUndefined();
  });
  it('finds an own entry', () => {
    expect(lookup(banners, 'saved')).toBe('Saved');
    expect(lookup(banners, undefined)).toBeUndefined();
  });
});
