import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** A page's title and one-line introduction, with the links to its neighbouring pages on the other side. */
export function PageHeader({ title, intro, links }: { title: string; intro: string; links: { to: string; label: string }[] }) {
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{intro}</Text>
      </Stack>
      <Group gap="lg">
        {links.map((link) => (
          <Anchor key={link.to} component={Link} to={link.to}>
            {link.label}
          </Anchor>
        ))}
      </Group>
    </Group>
  );
}
