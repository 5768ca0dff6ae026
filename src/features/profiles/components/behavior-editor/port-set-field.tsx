import { Button, Group, List, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { describePort } from '../../../../domain/behavior-summary';
import { errorMessageAt, ownMessage } from './form-errors';
import { mergePorts, parsePortText } from './port-list';

export interface PortSetFieldProps {
  /** `criteria.value.ports` as stored. */
  ports: readonly number[];
  onChange: (ports: number[]) => void;
  /** The form's error node at `criteria.value.ports` (list and per-port messages). */
  errors: unknown;
  /** Why adding `growth` elements must be refused (the profile's value quota), if it must. */
  quotaProblem: (growth: number) => string | undefined;
  readOnly?: boolean;
  /** The list's form path (`behaviors.2.criteria.value.ports`), for `data-field`. */
  field: string;
}

/**
 * The port list of an in-port-set / not-in-port-set behavior: ports and ranges typed or pasted
 * ("22, 443 8000-8010"), ranges expanded, kept unique and sorted, each shown with its well-known
 * service name. Tokens that are not ports stay in the input with their message.
 */
export function PortSetField({
  ports,
  onChange,
  errors,
  quotaProblem,
  readOnly,
  field,
}: PortSetFieldProps) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const listMessage = ownMessage(errors);
  const portMessages = ports.flatMap((port, index) => {
    const message = errorMessageAt(errors, String(index));
    return message === undefined ? [] : [`Port ${port} (entry ${index + 1}): ${message}`];
  });

  const add = () => {
    const parsed = parsePortText(text);
    const merged = mergePorts(ports, parsed.ports);
    const quota = quotaProblem(merged.length - ports.length);
    if (quota !== undefined) {
      // Refuse the whole addition: half a range would be surprising.
      setProblems([quota]);
      return;
    }
    if (parsed.ports.length === 0 && parsed.problems.length === 0) {
      setProblems(['Type a port (e.g. 22) or a range (e.g. 8000-8010)']);
      return;
    }
    if (parsed.ports.length > 0) onChange(merged);
    // Only what could not be read stays in the input, so it can be fixed.
    setText(parsed.problems.map((problem) => problem.token).join(', '));
    setProblems(parsed.problems.map((problem) => problem.message));
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Ports
      </Text>
      <Text size="sm" c="dimmed">
        {ports.length === 0
          ? 'No ports yet.'
          : `${ports.length} ${ports.length === 1 ? 'port' : 'ports'}`}
      </Text>
      {listMessage !== undefined && (
        <Text size="sm" c="red" role="alert">
          {listMessage}
        </Text>
      )}
      {ports.length > 0 && (
        <Pill.Group role="list" aria-label="Ports">
          {ports.map((port, index) => (
            <Pill
              role="listitem"
              // Ports are unique once added, but a loaded profile may repeat one.
              key={`${port}-${index}`}
              withRemoveButton={readOnly !== true}
              // Mantine hides the remove button from keyboards and screen readers by default.
              removeButtonProps={{
                'aria-label': `Remove port ${port}`,
                'aria-hidden': false,
                tabIndex: 0,
                // Spread: an object literal may not name data-* members of button props.
                ...{ 'data-field': `${field}.${index}` },
              }}
              onRemove={() => onChange(ports.filter((_, i) => i !== index))}
            >
              {describePort(port)}
            </Pill>
          ))}
        </Pill.Group>
      )}
      {portMessages.length > 0 && (
        <List size="sm" c="red">
          {portMessages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
      {readOnly !== true && (
        <>
          <TextInput
            label="Add ports"
            data-field={field}
            description="Ports 0–65535 and ranges, separated by commas or spaces: 22, 443, 8000-8010"
            value={text}
            error={problems.length === 0 ? undefined : problems.join('; ')}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setProblems([]);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <Group>
            <Button size="compact-sm" variant="default" onClick={add}>
              Add ports
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
