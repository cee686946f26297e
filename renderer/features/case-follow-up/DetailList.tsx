import { Box, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label/value pairs as a description list, laid out in columns on wide screens. */
export function DetailList({ items }: { items: { label: string; value: ReactNode; key: string }[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
      {items.map((item) => (
        <Box key={item.key}>
          <Text component="dt" size="xs" c="dimmed" fw={500}>
            {item.label}
          </Text>
          <Box component="dd" m={0}>
            {item.value}
          </Box>
        </Box>
      ))}
    </SimpleGrid>
  );
}
