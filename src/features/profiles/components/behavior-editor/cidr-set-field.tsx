import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { analyzeCidrs, describeCoverage, splitCidrText } from './cidr-input-model';
import type { CidrEntryInfo } from './cidr-input-model';
import { errorMessageAt, ownMessage } from './form-errors';

export interface CidrSetFieldProps {
  /** `criteria.value.cidrs` as stored, valid or not. */
  cidrs: readonly string[];
  onChange: (cidrs: string[]) => void;
  /** The form's error node at `criteria.value.cidrs` (list and per-entry messages). */
  errors: unknown;
  /** Why adding `growth` elements must be refused (the profile's value quota), if it must. */
  quotaProblem: (growth: number) => string | undefined;
  readOnly?: boolean;
  /** The list's form path (`behaviors.2.criteria.value.cidrs`), for `data-field`. */
  field: string;
}

function entryNotes(info: CidrEntryInfo, infos: readonly CidrEntryInfo[]): string[] {
  const notes: string[] = [];
  if (info.addresses !== undefined) notes.push(`${info.family ?? ''} ${info.addresses}`.trim());
  if (info.duplicateOf !== undefined) {
    notes.push(
      `Duplicate of entry ${info.duplicateOf + 1} (${infos[info.duplicateOf]?.cidr ?? ''})`,
    );
  }
  if (info.containedIn !== undefined) {
    notes.push(`Already covered by ${infos[info.containedIn]?.cidr ?? ''}`);
  }
  return notes;
}

/**
 * The CIDR list of an in-cidr-set / not-in-cidr-set behavior: add one or paste many, each entry
 * editable and checked (IPv4/IPv6, host bits with a fix offered, duplicates, blocks already
 * covered), with the addresses covered. Invalid entries stay, with their message, until fixed
 * or removed.
 */
export function CidrSetField({
  cidrs,
  onChange,
  errors,
  quotaProblem,
  readOnly,
  field,
}: CidrSetFieldProps) {
  const [text, setText] = useState('');
  const [addProblem, setAddProblem] = useState<string | undefined>();
  const infos = useMemo(() => analyzeCidrs(cidrs), [cidrs]);
  const coverage = useMemo(() => describeCoverage(infos), [infos]);
  const duplicates = infos.filter((info) => info.duplicateOf !== undefined).length;
  const listMessage = ownMessage(errors);

  const add = () => {
    const tokens = splitCidrText(text);
    if (tokens.length === 0) {
      setAddProblem('Type or paste at least one CIDR, e.g. 10.0.0.0/8');
      return;
    }
    const quota = quotaProblem(tokens.length);
    if (quota !== undefined) {
      setAddProblem(quota);
      return;
    }
    onChange([...cidrs, ...tokens]);
    setText('');
    setAddProblem(undefined);
  };

  const replace = (index: number, cidr: string) =>
    onChange(cidrs.map((current, i) => (i === index ? cidr : current)));

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        CIDRs
      </Text>
      <Text size="sm" c="dimmed">
        {cidrs.length} {cidrs.length === 1 ? 'entry' : 'entries'}; together they cover {coverage}.
      </Text>
      {listMessage !== undefined && (
        <Text size="sm" c="red" role="alert">
          {listMessage}
        </Text>
      )}
      {infos.map((info, index) => {
        const notes = entryNotes(info, infos);
        // The local check says the same as the domain one, sooner; it also words an emptied entry.
        const error = info.problem ?? errorMessageAt(errors, String(index));
        return (
          // Entries can repeat, so the position is the only stable identity.
          <Stack key={index} gap={4}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`CIDR ${index + 1}`}
                data-field={`${field}.${index}`}
                value={info.cidr}
                readOnly={readOnly}
                error={error}
                description={notes.join(' · ')}
                inputWrapperOrder={['input', 'description', 'error']}
                style={{ flex: 1 }}
                onChange={(event) => replace(index, event.currentTarget.value)}
              />
              {readOnly !== true && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={`Remove CIDR ${info.cidr === '' ? index + 1 : info.cidr}`}
                  onClick={() => onChange(cidrs.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
            {info.normalized !== undefined && (
              <Group gap="xs">
                <Text size="sm" c="orange.8">
                  {info.cidr} has host bits set; use {info.normalized}?
                </Text>
                {readOnly !== true && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => replace(index, info.normalized ?? info.cidr)}
                  >
                    Use {info.normalized}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        );
      })}
      {readOnly !== true && (
        <>
          {duplicates > 0 && (
            <Group>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() =>
                  onChange(cidrs.filter((_, i) => infos[i]?.duplicateOf === undefined))
                }
              >
                Remove {duplicates} {duplicates === 1 ? 'duplicate' : 'duplicates'}
              </Button>
            </Group>
          )}
          <Textarea
            label="Add CIDRs"
            data-field={field}
            description="One or many (e.g. pasted), separated by new lines, commas or spaces: 10.0.0.0/8, 2001:db8::/32"
            minRows={1}
            value={text}
            error={addProblem}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setAddProblem(undefined);
            }}
          />
          <Group>
            <Button size="compact-sm" variant="default" onClick={add}>
              Add CIDRs
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
