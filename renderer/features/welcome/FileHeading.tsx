import { Stack, Text, Title } from '@mantine/core';
import { useAppStatus } from '../../app/session';

/** A page title with the file it is about: its association name when known, and its path. */
export function FileHeading({ title, path, hint }: { title: string; path: string; hint?: string }) {
  const recent = useAppStatus().data?.recentFiles.find((file) => file.path === path);
  const name = recent?.associationName ?? hint;
  return (
    <Stack gap={4}>
      <Title order={1}>{title}</Title>
      {name && (
        <Text size="lg" fw={600}>
          {name}
        </Text>
      )}
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        <bdi dir="ltr">{path}</bdi>
      </Text>
    </Stack>
  );
}
