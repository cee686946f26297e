import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './PublicFrame.module.css';

/** The frame of every screen shown before the shell: the name of the app and the language switch. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box className={classes.frame}>
      <Group component="header" justify="space-between" className={classes.header}>
        <Text fw={700} size="lg" c="teal.8">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Container component="main" size="md" py="xl">
        {children}
      </Container>
    </Box>
  );
}
