import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { sameDataProps } from './memo-by-data';

describe('sameDataProps', () => {
  it.each([
    ['identical primitives', { a: 1, b: 'x' }, { a: 1, b: 'x' }, true],
    ['a changed primitive', { a: 1 }, { a: 2 }, false],
    ['new callbacks', { onChange: () => 1 }, { onChange: () => 2 }, true],
    [
      'option lists rebuilt with the same content',
      { data: [{ value: 'a' }] },
      { data: [{ value: 'a' }] },
      true,
    ],
    [
      'option lists with other content',
      { data: [{ value: 'a' }] },
      { data: [{ value: 'b' }] },
      false,
    ],
    ['a value object rebuilt the same', { value: { count: 5 } }, { value: { count: 5 } }, true],
    ['a value object changed', { value: { count: 5 } }, { value: { count: 6 } }, false],
    ['a prop added', { a: 1 }, { a: 1, b: undefined as unknown }, true],
    ['a prop that appears', { a: 1 }, { a: 1, b: 2 }, false],
    [
      'React elements are compared by identity',
      { label: createElement('b') },
      { label: createElement('b') },
      false,
    ],
  ])('%s', (_label, before, after, expected) => {
    expect(sameDataProps(before, after)).toBe(expected);
  });
});
