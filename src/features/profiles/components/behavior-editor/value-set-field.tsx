import { Button, Group, List, Pill, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessageAt, ownMessage } from './form-errors';

interface SetFieldProps<T extends number | string> {
  values: readonly T[];
  onChange: (values: T[]) => void;
  /** The form's error node at the list's path (list and per-element messages). */
  errors: unknown;
  /** Why adding `growth` elements must be refused (the profile's value quota), if it must. */
  quotaProblem: (growth: number) => string | undefined;
  readOnly?: boolean;
  /** The list's form path (`behaviors.2.criteria.value.numbers`), for `data-field`. */
  field: string;
}

interface ParsedEntries<T> {
  values: T[];
  /** Tokens that could not be read, with why. */
  rejected: { token: string; message: string }[];
}

function parseNumbers(text: string): ParsedEntries<number> {
  const result: ParsedEntries<number> = { values: [], rejected: [] };
  for (const token of text.split(/[\s,;]+/).filter((t) => t !== '')) {
    const value = Number(token);
    if (Number.isFinite(value)) result.values.push(value);
    else result.rejected.push({ token, message: `"${token}" is not a number` });
  }
  return result;
}

// Strings may hold spaces and commas, so only line breaks separate them.
function parseStrings(text: string): ParsedEntries<string> {
  return { values: text.split(/\r?\n/).filter((line) => line !== ''), rejected: [] };
}

interface GenericSetFieldProps<T extends number | string> extends SetFieldProps<T> {
  title: string;
  addLabel: string;
  addDescription: string;
  parse: (text: string) => ParsedEntries<T>;
  show: (value: T) => string;
  /** Rejected tokens are joined back into the input with this separator. */
  separator: string;
}

function SetField<T extends number | string>({
  values,
  onChange,
  errors,
  quotaProblem,
  readOnly,
  field,
  title,
  addLabel,
  addDescription,
  parse,
  show,
  separator,
}: GenericSetFieldProps<T>) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const listMessage = ownMessage(errors);
  const elementMessages = values.flatMap((value, index) => {
    const message = errorMessageAt(errors, String(index));
    return message === undefined ? [] : [`${show(value)} (entry ${index + 1}): ${message}`];
  });

  const add = () => {
    const parsed = parse(text);
    // A set: values already present (or repeated in the paste) are not added twice.
    const present = new Set<T>(values);
    const fresh = parsed.values.filter((value) => {
      if (present.has(value)) return false;
      present.add(value);
      return true;
    });
    if (parsed.values.length === 0 && parsed.rejected.length === 0) {
      setProblems(['Type at least one value']);
      return;
    }
    const quota = quotaProblem(fresh.length);
    if (quota !== undefined) {
      setProblems([quota]);
      return;
    }
    if (fresh.length > 0) onChange([...values, ...fresh]);
    setText(parsed.rejected.map((entry) => entry.token).join(separator));
    setProblems(parsed.rejected.map((entry) => entry.message));
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Text size="sm" c="dimmed">
        {values.length === 0
          ? 'No values yet.'
          : `${values.length} ${values.length === 1 ? 'value' : 'values'}`}
      </Text>
      {listMessage !== undefined && (
        <Text size="sm" c="red" role="alert">
          {listMessage}
        </Text>
      )}
      {values.length > 0 && (
        <Pill.Group role="list" aria-label={title}>
          {values.map((value, index) => (
            <Pill
              role="listitem"
              key={`${String(value)}-${index}`}
              withRemoveButton={readOnly !== true}
              // Mantine hides the remove button from keyboards and screen readers by default.
              removeButtonProps={{
                'aria-label': `Remove ${show(value)}`,
                'aria-hidden': false,
                tabIndex: 0,
                // Spread: an object literal may not name data-* members of button props.
                ...{ 'data-field': `${field}.${index}` },
              }}
              onRemove={() => onChange(values.filter((_, i) => i !== index))}
            >
              {show(value)}
            </Pill>
          ))}
        </Pill.Group>
      )}
      {elementMessages.length > 0 && (
        <List size="sm" c="red">
          {elementMessages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
      {readOnly !== true && (
        <>
          <Textarea
            label={addLabel}
            data-field={field}
            description={addDescription}
            minRows={1}
            value={text}
            error={problems.length === 0 ? undefined : problems.join('; ')}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setProblems([]);
            }}
          />
          <Group>
            <Button size="compact-sm" variant="default" onClick={add}>
              {addLabel}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** The `numbers` list of a custom number-list metric: numbers typed or pasted, kept unique. */
export function NumberSetField(props: SetFieldProps<number>) {
  return (
    <SetField
      {...props}
      title="Numbers"
      addLabel="Add numbers"
      addDescription="Separated by new lines, commas or spaces: 1, 2.5, -3"
      parse={parseNumbers}
      show={String}
      separator=", "
    />
  );
}

/** The `strings` list of a custom string-list metric: one string per line, kept unique. */
export function StringSetField(props: SetFieldProps<string>) {
  return (
    <SetField
      {...props}
      title="Strings"
      addLabel="Add strings"
      addDescription="One per line; spaces and commas are part of the string"
      parse={parseStrings}
      show={(value) => JSON.stringify(value)}
      separator={'\n'}
    />
  );
}
