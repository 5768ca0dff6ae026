import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DefinitionItem {
  term: string;
  description: ReactNode;
}

/** A two-column term/description list (`<dl>`), so screen readers announce each pair. */
export function DefinitionList({ items }: { items: readonly DefinitionItem[] }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(7rem, max-content) 1fr',
        columnGap: 'var(--mantine-spacing-lg)',
        rowGap: 'var(--mantine-spacing-xs)',
      }}
    >
      {items.map(({ term, description }) => (
        <Box key={term} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed">
            {term}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {description}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
