import { Code, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { version } from '../../../package.json';
import { roleSchema } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { useAppStatus } from '../../app/session';

const guideSteps = ['s1', 's2', 's3', 's4'] as const;

/** A path as the system writes it: left to right inside any page, wrapped anywhere rather than cut. */
function PathText({ children }: { children: ReactNode }) {
  return (
    <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {children}
    </Code>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** "About and help": the version, where this association's two files are, what to back up, and a short guide per role. */
export function AboutPage() {
  const { t } = useTranslation();
  const session = useAppStatus().data?.session;
  const backups = useOp('backups.status', {});
  if (!session) return null;
  const roles = [session.user.role, ...roleSchema.options.filter((role) => role !== session.user.role)];
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('about.title')}</Title>
        <Text c="dimmed">{t('about.version', { version })}</Text>
      </Stack>
      <Section id="about-file" title={t('about.fileTitle')}>
        <Text size="sm">{t('about.file')}</Text>
        <PathText>{session.path}</PathText>
        <Text size="sm">{t('about.keys')}</Text>
        <PathText>{session.keysPath}</PathText>
      </Section>
      <Section id="about-backup" title={t('about.backupTitle')}>
        <List spacing="xs">
          <List.Item>{t('about.backupBoth')}</List.Item>
          <List.Item>{t('about.backupCode')}</List.Item>
          {backups.data && (
            <List.Item>
              {t('about.backupLocal')}
              <PathText>{backups.data.localFolder}</PathText>
            </List.Item>
          )}
          {backups.data && (
            <List.Item>
              {backups.data.secondFolder ? (
                <>
                  {t('about.backupSecond')}
                  <PathText>{backups.data.secondFolder}</PathText>
                </>
              ) : (
                t('about.backupNoSecond')
              )}
            </List.Item>
          )}
        </List>
      </Section>
      <Section id="about-guide" title={t('about.guideTitle')}>
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          {roles.map((role) => (
            <Stack key={role} gap="xs" component="section" aria-labelledby={`about-guide-${role}`}>
              <Title order={3} size="h5" id={`about-guide-${role}`}>
                {t(`about.guide.${role}.title`)}
              </Title>
              <List spacing={4} size="sm">
                {guideSteps.map((step) => (
                  <List.Item key={step}>{t(`about.guide.${role}.steps.${step}`)}</List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
