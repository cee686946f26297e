import { List, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayIso, type SubGrantDetail } from '../../../electron/contract';
import { useDate } from './dates';
import { useMoney } from './money';

/**
 * What makes a sub-grant late: its overdue reports and tranches. Its late badges lead here
 * (`?late=1`), so the page opens scrolled to it.
 */
export function SubGrantLate({ detail }: { detail: SubGrantDetail }) {
  const { t } = useTranslation();
  const date = useDate();
  const money = useMoney();
  const [params] = useSearchParams();
  const section = useRef<HTMLElement>(null);
  const asked = params.get('late') === '1';
  useEffect(() => {
    if (asked) section.current?.scrollIntoView?.({ block: 'start' });
  }, [asked]);
  if (detail.figures.state !== 'late') return null;
  const today = todayIso();
  const reports = detail.reportDates.filter((r) => !r.submittedOn && r.dueDate < today);
  const tranches = detail.tranches.filter((tr) => tr.disbursedMinor < tr.amountMinor && tr.dueDate < today);
  return (
    <Paper ref={section} withBorder p="md" radius="md" component="section" aria-labelledby="sub-grant-late" bd="1px solid red.3">
      <Stack gap="xs">
        <Title order={2} size="h4" id="sub-grant-late" c="red.8">
          {t('grants.late.subGrantTitle')}
        </Title>
        <List spacing={4}>
          {reports.map((r) => (
            <List.Item key={r.id ?? r.dueDate}>{t('grants.late.report', { date: date(r.dueDate) })}</List.Item>
          ))}
          {tranches.map((tr) => (
            <List.Item key={tr.id}>
              {t('grants.late.tranche', { seq: tr.seq, date: date(tr.dueDate), left: money(tr.amountMinor - tr.disbursedMinor, detail.subGrant.currency) })}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
