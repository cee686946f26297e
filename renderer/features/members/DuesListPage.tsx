import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuesListRow, DuesStatusList } from '../../../electron/contract';
import { toCsv } from '../../../electron/contract/csv';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { downloadText } from '../../ui/download';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PrintButtons } from '../activities/PrintButtons';
import { formatPhone } from '../beneficiaries/format';
import { FeesPanel } from './FeesPanel';
import { useCanHandleDues } from './MemberPage';
import { DuesYearInput } from './DuesYearInput';
import { useFormatMoney } from './money';
import { memberPath, membersPath } from './paths';
import '../../print/print.css';

function DuesTable({ title, rows, linked }: { title: string; rows: DuesListRow[]; linked: boolean }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  return (
    <Stack gap="xs">
      <Title order={2}>
        {title} ({rows.length})
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('members.dues.nobody')}</Text>
      ) : (
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.field.number')}</Table.Th>
              <Table.Th>{t('members.list.name')}</Table.Th>
              <Table.Th>{t('members.field.phones')}</Table.Th>
              <Table.Th>{t('members.dues.due')}</Table.Th>
              <Table.Th>{t('members.dues.paid')}</Table.Th>
              <Table.Th>{t('members.dues.balance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.memberId}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>
                  {linked ? (
                    <Anchor component={Link} to={memberPath(r.memberId)}>
                      {r.name}
                    </Anchor>
                  ) : (
                    r.name
                  )}
                  {r.arabicName && (
                    <Text span lang="ar" dir="rtl" ml="xs" mr="xs">
                      {r.arabicName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <bdi dir="ltr">{r.phone ? formatPhone(r.phone) : ''}</bdi>
                </Table.Td>
                <Table.Td>{money(r.due)}</Table.Td>
                <Table.Td>{money(r.paid)}</Table.Td>
                <Table.Td>{money(r.due - r.paid)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function DuesListPrint({ list, associationName }: { list: DuesStatusList; associationName: string }) {
  const { t, i18n } = useTranslation();
  return createPortal(
    <article className="print-sheet" dir={i18n.dir()} lang={i18n.language}>
      <h1>
        {associationName} — {t('members.dues.printTitle', { year: list.year })}
      </h1>
      <DuesTable title={t('members.dues.unpaid')} rows={list.unpaid} linked={false} />
      <DuesTable title={t('members.dues.partlyPaid')} rows={list.partlyPaid} linked={false} />
    </article>,
    document.body,
  );
}

/** Unpaid and partly paid dues of a year, printable and exportable; the year's fees; the lapse rule. */
export function DuesListPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canHandleDues = useCanHandleDues();
  const associationName = useAppStatus().data?.session?.association.name ?? '';
  const [year, setYear] = useState(new Date().getFullYear());
  const list = useOp('dues.status', { year });
  const rule = useOpMutation('members.applyStatusRule', {
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => /^(members|dues)\./.test(String(q.queryKey[0])) }),
  });

  const exportCsv = (data: DuesStatusList) => {
    const header = [t('members.dues.state'), t('members.field.number'), t('members.list.name'), t('members.field.arabicName'), t('members.field.phones'), t('members.dues.due'), t('members.dues.paid')];
    const line = (state: string) => (r: DuesListRow) => [state, r.number, r.name, r.arabicName, r.phone, (r.due / 100).toFixed(2), (r.paid / 100).toFixed(2)];
    const rows = [header, ...data.unpaid.map(line(t('members.dues.unpaid'))), ...data.partlyPaid.map(line(t('members.dues.partlyPaid')))];
    downloadText(`dues-${data.year}.csv`, toCsv(rows, ';'));
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={membersPath} size="sm">
        {t('members.dues.back')}
      </Anchor>
      <Title order={1}>{t('members.dues.listTitle')}</Title>
      <Group align="flex-end">
        <DuesYearInput label={t('members.payment.year')} year={year} onYearChange={setYear} />
        <PrintButtons fileName={`cotisations-${year}.pdf`} disabled={!list.data} />
        <Button variant="default" onClick={() => list.data && exportCsv(list.data)} disabled={!list.data}>
          {t('members.dues.export')}
        </Button>
        <Button variant="subtle" onClick={() => rule.mutate({})} loading={rule.isPending}>
          {t('members.dues.applyRule')}
        </Button>
      </Group>
      {rule.data && (
        <Alert color={rule.data.disabled ? 'gray' : 'blue'} variant="light">
          {rule.data.disabled ? t('members.dues.ruleDisabled') : t('members.dues.ruleApplied', { count: rule.data.lapsed.length })}
        </Alert>
      )}
      <OpErrorAlert error={list.error ?? rule.error} />
      <FeesPanel year={year} canEdit={canHandleDues} />
      {list.isPending && <Loader />}
      {list.data && (
        <>
          <DuesTable title={t('members.dues.unpaid')} rows={list.data.unpaid} linked />
          <DuesTable title={t('members.dues.partlyPaid')} rows={list.data.partlyPaid} linked />
          <DuesListPrint list={list.data} associationName={associationName} />
        </>
      )}
    </Stack>
  );
}
