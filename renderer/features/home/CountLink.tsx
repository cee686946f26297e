import { Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

/** A count on the home page: the whole card leads to the list behind it. */
export function CountLink({ label, count, to, alert = false }: { label: string; count: number | string; to: string; alert?: boolean }) {
  return (
    <Paper component={Link} to={to} withBorder p="md" radius="md" miw={0} style={{ textDecoration: 'none', color: 'inherit' }}>
      <Stack gap={4}>
        <Text fz={typeof count === 'number' ? 28 : 'lg'} fw={700} c={alert ? 'red.8' : 'teal.8'} lh={1.1}>
          {count}
        </Text>
        <Text size="sm">{label}</Text>
      </Stack>
    </Paper>
  );
}
