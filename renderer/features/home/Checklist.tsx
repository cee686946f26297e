import { Anchor, CheckIcon, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeChecklist } from '../../../electron/contract';
import { newActivityPath } from '../activities/paths';
import { importPath } from '../beneficiaries/paths';

const steps: { key: keyof HomeChecklist; to: string }[] = [
  { key: 'peopleRecorded', to: importPath },
  { key: 'usersAdded', to: '/settings/users' },
  { key: 'logoSet', to: '/settings/logos' },
  { key: 'activityPlanned', to: newActivityPath },
  { key: 'backupFolderChosen', to: '/settings/backups' },
];

/** A new association's first steps; the page shows it until every one is done. */
export function Checklist({ checklist }: { checklist: HomeChecklist }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="home-checklist">
      <Stack gap="sm">
        <Title order={2} size="h4" id="home-checklist">
          {t('home.checklist.title')}
        </Title>
        <List spacing="sm" center>
          {steps.map(({ key, to }) => (
            <List.Item
              key={key}
              data-done={checklist[key]}
              icon={
                <ThemeIcon size={22} radius="xl" color={checklist[key] ? 'teal' : 'gray'} variant={checklist[key] ? 'filled' : 'light'} aria-hidden>
                  {checklist[key] && <CheckIcon size={12} />}
                </ThemeIcon>
              }
            >
              {checklist[key] ? (
                <Text c="dimmed">
                  {t(`home.checklist.${key}`)} — {t('home.checklist.done')}
                </Text>
              ) : (
                <Anchor component={Link} to={to}>
                  {t(`home.checklist.${key}`)}
                </Anchor>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
