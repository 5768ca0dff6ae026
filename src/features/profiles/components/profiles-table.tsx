import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { ProfileSummary } from '../api/security-profiles';
import { formatDateTime } from '../utils/format';

/** The profiles table: name (a link to the profile), behaviors count, last modified. */
export function ProfilesTable({ rows, label }: { rows: readonly ProfileSummary[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              Behaviors
            </Table.Th>
            <Table.Th scope="col">Last modified</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.name}>
              <Table.Td>
                <Anchor component={Link} to={paths.profile.href(row.name)} fw={600}>
                  {row.name}
                </Anchor>
                {row.description ? (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {row.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                {row.behaviorsCount}
              </Table.Td>
              <Table.Td>
                <time dateTime={row.lastModifiedDate.toISOString()}>
                  {formatDateTime(row.lastModifiedDate)}
                </time>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
