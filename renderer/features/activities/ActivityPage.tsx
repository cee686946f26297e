import { Badge, Button, Group, Loader, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useFormatDate } from '../beneficiaries/format';
import { AssemblyQuorumPanel } from './AssemblyQuorumPanel';
import { useActivityLabels } from './labels';
import { ParticipantsTab } from './ParticipantsTab';
import { activitiesPath, editActivityPath } from './paths';
import { SessionsTab } from './SessionsTab';
import { StatisticsTab } from './StatisticsTab';
import { SavedNotice } from '../../ui/unsaved/SavedNotice';

export function ActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lookups = useActivityLabels();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<string | null>('sessions');
  const detail = useOp('activities.get', { id });
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).match(/^(activities|sessions|registrations|attendance)\./) !== null });
  const archive = useOpMutation('activities.archive', { onSuccess: refresh });
  const restore = useOpMutation('activities.restore', { onSuccess: refresh });
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useOpMutation('activities.delete', {
    onSuccess: async () => {
      await navigate(activitiesPath);
      queryClient.removeQueries({ queryKey: opKey('activities.get', { id }) });
      await refresh();
    },
    onSettled: () => setConfirmDelete(false),
  });

  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const { activity, agreement } = detail.data;
  const dates = [activity.startDate, activity.endDate].filter(Boolean).map(formatDate).join(' – ');

  return (
    <Stack gap="md">
      <SavedNotice />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {activity.reference}
          </Text>
          <Title order={1}>{activity.title}</Title>
          <Group gap="xs">
            <Badge variant="light">{lookups.type(activity.type)}</Badge>
            <Badge variant="light" color="grape">
              {lookups.theme(activity.theme)}
            </Badge>
            {activity.archivedAt && <Badge color="gray">{t('activities.detail.archived')}</Badge>}
          </Group>
          {/* Each part isolated: French names next to Arabic dates must not reorder the line. */}
          <Text size="sm">
            {[activity.place, activity.facilitators, dates, activity.project]
              .filter(Boolean)
              .map((part, i) => (
                <Fragment key={i}>
                  {i > 0 && ' · '}
                  <bdi>{part}</bdi>
                </Fragment>
              ))}
          </Text>
          {agreement && (
            <Text size="sm">
              {t('activities.detail.agreement', { reference: agreement.reference, title: agreement.title, funder: agreement.funderName })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {!activity.archivedAt && (
            <Button component={Link} to={editActivityPath(id)} variant="light">
              {t('activities.detail.edit')}
            </Button>
          )}
          {activity.archivedAt ? (
            <Button variant="default" onClick={() => restore.mutate({ id })} loading={restore.isPending}>
              {t('activities.detail.restore')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => archive.mutate({ id })} loading={archive.isPending}>
              {t('activities.detail.archive')}
            </Button>
          )}
          {/* Marks are what funders count: once any exist the activity can only be archived (the core refuses too). */}
          {!detail.data.sessions.some((s) => s.present + s.absent + s.excused > 0) && (
            <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
              {t('activities.detail.delete')}
            </Button>
          )}
        </Group>
      </Group>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('activities.detail.deleteTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('activities.detail.deleteMessage', { title: activity.title })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ id })}>
              {t('activities.detail.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <OpErrorAlert error={archive.error ?? restore.error ?? remove.error} />
      {activity.type === 'general_assembly' && <AssemblyQuorumPanel activityId={id} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sessions">{t('activities.tabs.sessions', { count: detail.data.sessions.length })}</Tabs.Tab>
          <Tabs.Tab value="participants">{t('activities.tabs.participants', { count: detail.data.registeredCount })}</Tabs.Tab>
          <Tabs.Tab value="statistics">{t('activities.tabs.statistics')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions" pt="md">
          <SessionsTab detail={detail.data} onChanged={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="participants" pt="md">
          <ParticipantsTab activityId={id} onChanged={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="statistics" pt="md">
          <StatisticsTab activityId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

