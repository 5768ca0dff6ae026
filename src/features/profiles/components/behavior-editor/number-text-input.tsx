import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';

export interface NumberTextInputProps {
  label: string;
  description?: ReactNode;
  /** The stored number; undefined when none is stored. */
  value: number | undefined;
  /** Called with the number typed, or undefined while the text is empty or not a number. */
  onChange: (value: number | undefined) => void;
  /** Whole numbers only. */
  integer?: boolean;
  min?: number;
  max?: number;
  /** Shown inside the input on the right, e.g. the unit. */
  unit?: string;
  /** The form's (resolver's) message for this field. */
  error?: string;
  readOnly?: boolean;
  placeholder?: string;
  /** The form path the input edits, as `data-field` (the page's error summary focuses by it). */
  field?: string;
}

function parse(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function localProblem(
  text: string,
  { integer, min, max }: Pick<NumberTextInputProps, 'integer' | 'min' | 'max'>,
): string | undefined {
  if (text.trim() === '') return undefined;
  const value = parse(text);
  if (value === undefined) return `"${text}" is not a number`;
  if (integer === true && !Number.isInteger(value)) return `${value} is not a whole number`;
  if (min !== undefined && value < min) return `must be at least ${min}`;
  if (max !== undefined && value > max) return `must be at most ${max}`;
  return undefined;
}

/**
 * A number field that keeps exactly what was typed: a half-typed "1." or "-" stays in the input
 * with its message, while the form holds the number (or nothing, so the form's validation
 * reports the value as missing rather than keeping a stale one).
 */
export function NumberTextInput({
  label,
  description,
  value,
  onChange,
  integer,
  min,
  max,
  unit,
  error,
  readOnly,
  placeholder,
  field,
}: NumberTextInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [shownValue, setShownValue] = useState(value);
  // The stored value changed from outside (metric switch, import, reset): show it.
  if (shownValue !== value) {
    setShownValue(value);
    if (parse(text) !== value) setText(value === undefined ? '' : String(value));
  }
  const problem = localProblem(text, { integer, min, max });
  return (
    <TextInput
      label={label}
      description={description}
      value={text}
      inputMode={integer === true && (min ?? -1) >= 0 ? 'numeric' : 'decimal'}
      placeholder={placeholder}
      readOnly={readOnly}
      data-field={field}
      error={problem ?? error}
      rightSection={unit === undefined || unit === '' ? undefined : unit}
      rightSectionWidth={unit === undefined || unit === '' ? undefined : unit.length * 8 + 20}
      rightSectionPointerEvents="none"
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parse(next);
        setShownValue(parsed);
        onChange(parsed);
      }}
    />
  );
}
