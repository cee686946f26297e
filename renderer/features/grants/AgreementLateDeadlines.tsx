import { List, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useDate } from './dates';

/** The agreement's own reports to its funder that are past due: part of what makes it late. */
export function AgreementLateDeadlines({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const date = useDate();
  const detail = useOp('grants.agreements.get', { id: agreementId });
  if (detail.isPending) return <Loader size="sm" />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const today = todayIso();
  const overdue = detail.data.deadlines.filter((d) => !d.submittedOn && d.dueDate < today);
  return (
    <Stack gap={4}>
      <Text fw={600} c="red.8">
        {t('grants.late.deadlines')}
      </Text>
      <List spacing={4} size="sm">
        {overdue.map((d) => (
          <List.Item key={d.id}>
            {t('grants.late.deadline', { date: date(d.dueDate), kind: t(`grants.deadlineKind.${d.kind}`) })}
            {d.label ? ` — ${d.label}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
