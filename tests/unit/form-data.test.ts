import fc from 'fast-check';
import { formDataToObject, UnsafeFieldNameError } from '@/lib/form-data';

const DANGEROUS = ['__proto__', 'prototype', 'constructor'];

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('formDataToObject', () => {
  it('shapes a plain form post as react-hook-form would', () => {
    const result = formDataToObject(form([['name', 'Sam'], ['days', 'MON'], ['days', 'TUE'], ['rows.0.type', 'PEER'], ['$ACTION_ID_x', '1']]));
    expect(JSON.parse(JSON.stringify(result))).toEqual({ name: 'Sam', days: ['MON', 'TUE'], rows: { 0: { type: 'PEER' } } });
  });

  it('builds objects without a prototype, so no name reads an inherited property', () => {
    const result = formDataToObject(form([['toString.x', 'a'], ['hasOwnProperty', 'b']])) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBeNull();
    expect(JSON.parse(JSON.stringify(result))).toEqual({ toString: { x: 'a' }, hasOwnProperty: 'b' });
  });

  it.each(DANGEROUS.flatMap((segment) => [`${segment}.x`, `a.${segment}.x`, segment, `${segment}.relations`, 'constructor.prototype.x']))('refuses the field name %s and leaves Object.prototype alone', (name) => {
    const before = prototypeSnapshot();
    expect(() => formDataToObject(form([[name, 'REVIEWER'], [name, 'REVIEWER']]))).toThrow(UnsafeFieldNameError);
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).relations).toBeUndefined();
  });

  it('refuses an unsafe key anywhere in a direct call', () => {
    expect(() => formDataToObject(JSON.parse('{"a":{"b":[{"__proto__":{"x":1}}]}}'))).toThrow(UnsafeFieldNameError);
    expect(() => formDataToObject({ answers: { constructor: 'CORE' } })).toThrow(UnsafeFieldNameError);
    expect(formDataToObject({ answers: { a: 'CORE' } })).toEqual({ answers: { a: 'CORE' } });
  });

  it('checks an object shared many times once, so a small request cannot make it run for long', () => {
    // Each level refers twice to the next: 2^31 paths through 32 objects. The leaf counts how often it is read.
    let reads = 0;
    const leaf = Object.defineProperty({}, 'value', { enumerable: true, get: () => (reads += 1) });
    let shared: Record<string, unknown> = { leaf };
    for (let level = 0; level < 30; level += 1) shared = { a: shared, b: shared };
    expect(() => formDataToObject({ value: shared })).not.toThrow();
    expect(reads).toBe(1);
    // Too many keys at all is refused rather than walked.
    const wide = Object.fromEntries(Array.from({ length: 10_001 }, (_, index) => [`k${index}`, index]));
    expect(() => formDataToObject(wide)).toThrow(UnsafeFieldNameError);
  });

  it('never changes Object.prototype and never throws anything else, whatever the field names (property-based)', () => {
    const segment = fc.oneof(fc.constantFrom(...DANGEROUS, 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'relations', 'teamId', '0', ''), fc.string({ maxLength: 6 }));
    const name = fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => segments.join('.'));
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 5 })), { maxLength: 8 }), (entries) => {
        const unsafe = entries.some(([field]) => field.split('.').some((part) => DANGEROUS.includes(part)));
        try {
          formDataToObject(form(entries));
          expect(unsafe).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafeFieldNameError);
          expect(unsafe).toBe(true);
        }
        expect(prototypeSnapshot()).toEqual(before);
        expect(({} as Record<string, unknown>).relations).toBeUndefined();
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });
});
