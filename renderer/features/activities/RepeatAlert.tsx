import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RepeatCheck } from '../../../electron/contract';
import { useFormatDate } from '../beneficiaries/format';
import { useActivityLabels } from './labels';

/** Someone about to be registered already came to this theme often: their history, then register anyway or not. */
export function RepeatAlert({
  name,
  check,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  check: RepeatCheck;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lookups = useActivityLabels();
  const formatDate = useFormatDate();
  return (
    <Alert color="orange" variant="light" role="alertdialog" aria-label={t('activities.repeat.title')} title={t('activities.repeat.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('activities.repeat.message', { name, count: check.count, theme: lookups.theme(check.theme) })}</Text>
        <Table aria-label={t('activities.repeat.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activities.field.reference')}</Table.Th>
              <Table.Th>{t('activities.field.title')}</Table.Th>
              <Table.Th>{t('activities.repeat.period')}</Table.Th>
              <Table.Th>{t('activities.repeat.sessionsPresent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.history.map((h) => (
              <Table.Tr key={h.activityId}>
                <Table.Td>{h.reference}</Table.Td>
                <Table.Td>{h.title}</Table.Td>
                <Table.Td>
                  {h.firstPresentOn === h.lastPresentOn ? formatDate(h.firstPresentOn) : `${formatDate(h.firstPresentOn)} – ${formatDate(h.lastPresentOn)}`}
                </Table.Td>
                <Table.Td>{h.sessionsPresent}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button color="orange" loading={busy} onClick={onConfirm}>
            {t('activities.repeat.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('activities.repeat.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
