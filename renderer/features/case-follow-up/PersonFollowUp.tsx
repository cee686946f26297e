import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseLifecycle } from './CaseLifecycle';
import { CaseNotes } from './CaseNotes';
import { IntakeNeeds } from './IntakeNeeds';
import { Procedures } from './Procedures';
import { Referrals } from './Referrals';

const tabs = ['journal', 'procedures', 'referrals', 'needs'] as const;
type Tab = (typeof tabs)[number];

/** The follow-up of one person (open or closed, notes, procedures, referrals, needs), shown on their page. */
export function PersonFollowUp({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('journal');
  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="follow-up-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="follow-up-title">
          {t('followUp.person.title')}
        </Title>
        <CaseLifecycle beneficiaryId={beneficiaryId} />
        <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'journal')} keepMounted={false}>
          <Tabs.List>
            {tabs.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`followUp.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="journal" pt="md">
            <CaseNotes beneficiaryId={beneficiaryId} />
          </Tabs.Panel>
          <Tabs.Panel value="procedures" pt="md">
            <Procedures beneficiaryId={beneficiaryId} />
          </Tabs.Panel>
          <Tabs.Panel value="referrals" pt="md">
            <Referrals beneficiaryId={beneficiaryId} />
          </Tabs.Panel>
          <Tabs.Panel value="needs" pt="md">
            <IntakeNeeds beneficiaryId={beneficiaryId} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
