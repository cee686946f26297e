import { Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useFormatDate } from '../beneficiaries/format';
import { useFormatMoney } from '../members/money';
import { FollowUpTab } from './FollowUpTab';
import { FoundersTab } from './FoundersTab';
import { useStepLabel } from './labels';
import { editCooperativePath } from './paths';
import { StepsTab } from './StepsTab';
import { SavedNotice } from '../../ui/unsaved/SavedNotice';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

/** Everything a change on the project's page may affect. */
export function useRefreshCooperatives() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('cooperatives.') });
}

export function CooperativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const money = useFormatMoney();
  const formatDate = useFormatDate();
  const stepLabel = useStepLabel();
  const refresh = useRefreshCooperatives();
  const [tab, setTab] = useState<string | null>('steps');
  const detail = useOp('cooperatives.get', { id });
  const archive = useOpMutation('cooperatives.archive', { onSuccess: refresh });
  const restore = useOpMutation('cooperatives.restore', { onSuccess: refresh });

  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const d = detail.data;
  const c = d.cooperative;
  const current = d.steps.find((s) => s.code === d.currentStep);
  const open = !c.archivedAt;

  return (
    <Stack gap="md">
      <SavedNotice />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {c.reference}
          </Text>
          <Title order={1}>{c.proposedNames[0]}</Title>
          {c.proposedNames.length > 1 && (
            <Text size="sm" c="dimmed">
              {t('cooperatives.detail.otherNames', { names: c.proposedNames.slice(1).join(' · ') })}
            </Text>
          )}
          <Group gap="xs">
            <Badge variant="light">{t(`core:areas.sector.${c.sector}`)}</Badge>
            <Badge variant="light" color={d.createdOn ? 'green' : 'blue'}>
              {d.createdOn ? t('cooperatives.detail.createdOn', { date: formatDate(d.createdOn) }) : current ? stepLabel(current.labels) : ''}
            </Badge>
            {c.archivedAt && <Badge color="gray">{t('cooperatives.detail.archived')}</Badge>}
          </Group>
          <Text size="sm">{[c.activity, c.city, c.coach && t('cooperatives.detail.coach', { name: c.coach })].filter(Boolean).join(' · ')}</Text>
        </Stack>
        <Group gap="xs">
          {open && (
            <Button component={Link} to={editCooperativePath(id)} variant="light">
              {t('cooperatives.detail.edit')}
            </Button>
          )}
          {open ? (
            <Button variant="default" onClick={() => archive.mutate({ id })} loading={archive.isPending}>
              {t('cooperatives.detail.archive')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => restore.mutate({ id })} loading={restore.isPending}>
              {t('cooperatives.detail.restore')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xl">
        <Text size="sm" c={d.founders.length < d.minFounders ? 'red' : undefined}>
          {t('cooperatives.detail.foundersOfMin', { count: d.founders.length, min: d.minFounders })}
        </Text>
        <Text size="sm" c={d.capitalSubscribed < d.minCapital ? 'red' : undefined}>
          {t('cooperatives.detail.capital', { subscribed: money(d.capitalSubscribed), paid: money(d.capitalPaid), min: money(d.minCapital) })}
        </Text>
        <Text size="sm">{t('cooperatives.detail.shareValue', { value: money(c.shareValue) })}</Text>
      </Group>
      <OpErrorAlert error={archive.error ?? restore.error} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="steps">{t('cooperatives.tabs.steps')}</Tabs.Tab>
          <Tabs.Tab value="founders">{t('cooperatives.tabs.founders', { count: d.founders.length })}</Tabs.Tab>
          <Tabs.Tab value="follow-up">{t('cooperatives.tabs.followUp')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="steps" pt="md">
          <StepsTab detail={d} editable={open} />
        </Tabs.Panel>
        <Tabs.Panel value="founders" pt="md">
          <FoundersTab detail={d} editable={open} />
        </Tabs.Panel>
        <Tabs.Panel value="follow-up" pt="md">
          <FollowUpTab detail={d} editable={open} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
