import { isValidElement, memo } from 'react';
import type { ComponentType } from 'react';

function isPlainData(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null || isValidElement(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * True when two prop sets hold the same data: callbacks are ignored, arrays and plain objects are
 * compared by value (option lists and values are rebuilt on every render of the form).
 */
export function sameDataProps(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (Object.is(a, b)) continue;
    if (typeof a === 'function' && typeof b === 'function') continue;
    if (isPlainData(a) && isPlainData(b) && JSON.stringify(a) === JSON.stringify(b)) continue;
    return false;
  }
  return true;
}

/**
 * `component`, re-rendered only when its data props change. Only for controls of the behavior form,
 * whose callbacks read the form's current values when called (getValues) and never a value
 * captured at render, so an older callback does exactly what a newer one would.
 */
export function memoByData<P extends object>(component: ComponentType<P>) {
  return memo(component, (before, after) =>
    sameDataProps(
      before as Readonly<Record<string, unknown>>,
      after as Readonly<Record<string, unknown>>,
    ),
  );
}
