import { Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import classes from './Door.module.css';

interface Props {
  icon: ReactNode;
  title: string;
  description: string;
  onClick: () => void;
  loading?: boolean;
}

export function Door({ icon, title, description, onClick, loading }: Props) {
  const id = useId();
  return (
    <UnstyledButton
      className={classes.door}
      onClick={onClick}
      disabled={loading}
      aria-busy={loading}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
    >
      <Stack gap="sm">
        <ThemeIcon size={48} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Text fw={700} size="lg" id={`${id}-title`}>
          {title}
        </Text>
        <Text size="sm" c="dimmed" id={`${id}-description`}>
          {description}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
