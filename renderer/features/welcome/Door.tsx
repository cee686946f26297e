import { Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './Door.module.css';

interface Props {
  icon: ReactNode;
  title: string;
  description: string;
  onClick: () => void;
  loading?: boolean;
}

export function Door({ icon, title, description, onClick, loading }: Props) {
  return (
    <UnstyledButton className={classes.door} onClick={onClick} disabled={loading} aria-busy={loading}>
      <Stack gap="sm">
        <ThemeIcon size={48} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Text fw={700} size="lg">
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
