type FormValue = string | string[] | File | FormObject;
interface FormObject {
  [key: string]: FormValue;
}

/**
 * Names that would reach an object's prototype if used as a key. A client may
 * choose every key it sends (form field names, record keys, JSON), so none of
 * these is ever accepted anywhere as a key.
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}

/** Raised when input names a key that could reach an object's prototype. The action refuses the whole form. */
export class UnsafeFieldNameError extends Error {
  constructor() {
    super('The form contains a field name that is not allowed');
    this.name = 'UnsafeFieldNameError';
  }
}

const MAX_DEPTH = 32;
/** More keys than any form here posts (the largest, a 26-activity questionnaire, has about 30). */
const MAX_KEYS = 10_000;

/**
 * Throws UnsafeFieldNameError when any own key, at any depth, is unsafe. A
 * direct call can send one object referenced many times (React's action
 * encoding allows it), so each object is visited once and the walk stops after
 * MAX_KEYS keys: a small request cannot make it run for long.
 */
function refuseUnsafeKeys(root: unknown): void {
  const seen = new WeakSet<object>();
  let budget = MAX_KEYS;
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    if (depth > MAX_DEPTH) throw new UnsafeFieldNameError();
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      budget -= 1;
      if (budget < 0 || (typeof key === 'string' && isUnsafeKey(key))) throw new UnsafeFieldNameError();
      visit((value as Record<PropertyKey, unknown>)[key], depth + 1);
    }
  };
  visit(root, 0);
}

const own = (target: FormObject, key: string): FormValue | undefined => (Object.hasOwn(target, key) ? target[key] : undefined);

/**
 * What an action receives, made safe to hand to zod. A plain HTML form post is
 * turned into an object shaped as react-hook-form would submit it: a field posted
 * once is a string, a field posted several times (checkboxes) is an array, and a
 * dotted name (`answers.<id>`, `rows.0.type`) becomes a nested object. The objects
 * built have no prototype, so no field name can write to or read from
 * `Object.prototype`. Next's internal `$ACTION_*` fields are dropped.
 *
 * Any other input (a direct call with an object) passes through unchanged, after
 * the same check of its keys. Either way a key named `__proto__`, `prototype` or
 * `constructor` throws UnsafeFieldNameError, which the action wrapper reports as
 * a validation error with nothing written.
 */
export function formDataToObject(input: unknown): unknown {
  if (typeof FormData === 'undefined' || !(input instanceof FormData)) {
    refuseUnsafeKeys(input);
    return input;
  }
  const result: FormObject = Object.create(null);
  for (const [name, value] of input.entries()) {
    if (name.startsWith('$ACTION')) continue;
    // A file input posts a File (an empty one when nothing was chosen): kept only when a file was chosen, at the top level.
    if (typeof value !== 'string') {
      if (value.size > 0 || value.name !== '') {
        if (isUnsafeKey(name) || name.includes('.')) throw new UnsafeFieldNameError();
        result[name] = value;
      }
      continue;
    }
    const path = name.split('.');
    if (path.some(isUnsafeKey)) throw new UnsafeFieldNameError();
    let target = result;
    for (const segment of path.slice(0, -1)) {
      let next = own(target, segment);
      if (next === undefined || typeof next === 'string' || Array.isArray(next) || next instanceof Blob) {
        next = Object.create(null) as FormObject;
        target[segment] = next;
      }
      target = next;
    }
    const key = path[path.length - 1];
    const existing = own(target, key);
    if (existing === undefined || existing instanceof Blob || (typeof existing === 'object' && !Array.isArray(existing))) target[key] = value;
    else target[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
