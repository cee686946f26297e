import { Anchor, Badge, Button, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { beneficiaryPath } from '../beneficiaries/paths';
import { formatPhone, useFormatDate } from '../beneficiaries/format';
import { useFormatMoney } from './money';
import { editMemberPath, memberCardPath, receiptPath } from './paths';
import { ReverseModal } from '../treasury/ReverseModal';
import { PaymentForm } from './PaymentForm';
import { SavedNotice } from '../../ui/unsaved/SavedNotice';

/** Who may record dues: the core refuses others too. */
export function useCanHandleDues(): boolean {
  const role = useAppStatus().data?.session?.user.role;
  return role === 'treasurer' || role === 'president';
}

export function MemberPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const formatDate = useFormatDate();
  const money = useFormatMoney();
  const queryClient = useQueryClient();
  const canHandleDues = useCanHandleDues();
  const [paying, setPaying] = useState(false);
  const [reversing, setReversing] = useState<string | null>(null);
  const detail = useOp('members.get', { id });
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => /^(members|dues)\./.test(String(q.queryKey[0])) });
  const archive = useOpMutation('members.archive', { onSuccess: refresh });
  const restore = useOpMutation('members.restore', { onSuccess: refresh });

  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const { member, balances, payments, beneficiaryReference } = detail.data;
  const facts: [string, string][] = [
    [t('members.field.joinDate'), formatDate(member.joinDate)],
    [t('members.field.category'), t(`members.category.${member.category}`)],
    [t('members.field.phones'), member.phones.map(formatPhone).join(', ')],
    [t('members.field.email'), member.email ?? ''],
    [t('members.field.address'), member.address ?? ''],
    [t('members.field.birthDate'), formatDate(member.birthDate)],
    [t('members.detail.mandate'), [member.mandateStart, member.mandateEnd].filter(Boolean).map(formatDate).join(' – ')],
  ];

  return (
    <Stack gap="md">
      <SavedNotice />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('members.detail.number', { number: member.number })}
          </Text>
          <Title order={1}>
            {member.firstName} {member.lastName}
          </Title>
          {member.arabicName && (
            <Text lang="ar" dir="rtl">
              {member.arabicName}
            </Text>
          )}
          <Group gap="xs">
            <Badge variant="light">{t(`members.role.${member.role}`, { context: member.sex })}</Badge>
            <Badge variant="light" color={member.status === 'active' ? 'green' : 'gray'}>
              {t(`members.status.${member.status}`, { context: member.sex })}
              {member.statusDate ? ` · ${formatDate(member.statusDate)}` : ''}
            </Badge>
            {member.archivedAt && <Badge color="gray">{t('members.detail.archived')}</Badge>}
          </Group>
          {member.beneficiaryId && beneficiaryReference && (
            <Anchor component={Link} to={beneficiaryPath(member.beneficiaryId)} size="sm">
              {t('members.detail.beneficiary', { reference: beneficiaryReference })}
            </Anchor>
          )}
        </Stack>
        <Group gap="xs">
          {canHandleDues && !member.archivedAt && <Button onClick={() => setPaying(true)}>{t('members.payment.record')}</Button>}
          <Button component={Link} to={memberCardPath(id)} variant="default">
            {t('members.card.open')}
          </Button>
          {!member.archivedAt && (
            <Button component={Link} to={editMemberPath(id)} variant="light">
              {t('members.detail.edit')}
            </Button>
          )}
          {member.archivedAt ? (
            <Button variant="default" onClick={() => restore.mutate({ id })} loading={restore.isPending}>
              {t('members.detail.restore')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => archive.mutate({ id })} loading={archive.isPending}>
              {t('members.detail.archive')}
            </Button>
          )}
        </Group>
      </Group>
      <OpErrorAlert error={archive.error ?? restore.error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Text key={label} size="sm">
              <Text span fw={600}>
                {label}
              </Text>{' '}
              {value}
            </Text>
          ))}
      </SimpleGrid>

      <Title order={2}>{t('members.detail.balances')}</Title>
      <Table aria-label={t('members.detail.balances')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.payment.year')}</Table.Th>
            <Table.Th>{t('members.dues.due')}</Table.Th>
            <Table.Th>{t('members.dues.paid')}</Table.Th>
            <Table.Th>{t('members.dues.balance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {balances.map((b) => (
            <Table.Tr key={b.year}>
              <Table.Td>{b.year}</Table.Td>
              <Table.Td>{money(b.due)}</Table.Td>
              <Table.Td>{money(b.paid)}</Table.Td>
              <Table.Td c={b.balance > 0 ? 'red' : undefined}>{money(b.balance)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2}>{t('members.detail.payments')}</Title>
      {payments.length === 0 ? (
        <Text c="dimmed">{t('members.detail.noPayments')}</Text>
      ) : (
        <Table striped aria-label={t('members.detail.payments')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.receipt.number')}</Table.Th>
              <Table.Th>{t('members.payment.date')}</Table.Th>
              <Table.Th>{t('members.payment.year')}</Table.Th>
              <Table.Th>{t('members.payment.amount')}</Table.Th>
              <Table.Th>{t('members.payment.method')}</Table.Th>
              <Table.Th>{t('members.payment.collectedBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {payments.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={receiptPath(p.id)}>
                    {p.receiptNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(p.date)}</Table.Td>
                <Table.Td>{p.year}</Table.Td>
                <Table.Td>{money(p.amount)}</Table.Td>
                <Table.Td>{t(`members.method.${p.method}`)}</Table.Td>
                <Table.Td>{p.collectedByName}</Table.Td>
                <Table.Td>
                  {p.reversal ? (
                    <Text size="xs" c="orange.8">
                      {t('members.payment.reversed', { date: formatDate(p.reversal.date), reason: p.reversal.reason })}
                    </Text>
                  ) : (
                    canHandleDues && (
                      <Button size="compact-xs" variant="light" color="orange" onClick={() => setReversing(p.id)}>
                        {t('members.payment.reverse')}
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {paying && <PaymentForm memberId={id} balances={balances} onClose={() => setPaying(false)} />}
      {reversing && <ReverseModal op="dues.reverse" id={reversing} onClose={() => setReversing(null)} />}
    </Stack>
  );
}
