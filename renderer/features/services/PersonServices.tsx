import { Badge, Button, Group, Loader, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupList, PersonService } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useFormatDate } from '../beneficiaries/format';
import { useLookupLabels } from '../beneficiaries/lookups';
import { useMoney } from '../grants/money';
import { ReverseServiceModal } from './ReverseServiceModal';
import { ServiceModal } from './ServiceModal';

/** The catalogue of service types, one of the lists edited in Settings. */
const SERVICE_TYPES: LookupList = 'serviceType';

type Editing = { kind: 'new' } | { kind: 'edit'; service: PersonService } | { kind: 'reverse'; id: string };

/** What the person received (services, aid, sub-grants paid to them), on their page. */
export function PersonServices({ beneficiaryId, legalStatus }: { beneficiaryId: string; legalStatus: string | null }) {
  const { t } = useTranslation();
  const role = useAppStatus().data?.session?.user.role;
  const canPay = role === 'treasurer' || role === 'president';
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const services = useOp('services.list', { beneficiaryId, includeArchived });
  const queryClient = useQueryClient();
  const archive = useOpMutation('services.archive', {
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('services.') }),
  });

  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="services-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="services-title">
            {t('services.title')}
          </Title>
          <Group gap="sm">
            <Switch label={t('services.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
            <Button onClick={() => setEditing({ kind: 'new' })}>{t('services.record')}</Button>
          </Group>
        </Group>
        <OpErrorAlert error={archive.error} />
        {services.isPending ? (
          <Loader role="status" aria-label={t('app.loading')} />
        ) : services.error ? (
          <OpErrorAlert error={services.error} />
        ) : services.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('services.empty')}
          </Text>
        ) : (
          <ServiceTable
            rows={services.data}
            canPay={canPay}
            onEdit={(service) => setEditing({ kind: 'edit', service })}
            onReverse={(id) => setEditing({ kind: 'reverse', id })}
            onArchive={(s) => archive.mutate({ id: s.id, archived: !s.archivedAt })}
          />
        )}
      </Stack>
      {editing?.kind === 'new' && <ServiceModal beneficiaryId={beneficiaryId} legalStatus={legalStatus} canPay={canPay} onClose={() => setEditing(null)} />}
      {editing?.kind === 'edit' && (
        <ServiceModal beneficiaryId={beneficiaryId} legalStatus={legalStatus} canPay={canPay} service={editing.service} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'reverse' && <ReverseServiceModal id={editing.id} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function ServiceTable({
  rows,
  canPay,
  onEdit,
  onReverse,
  onArchive,
}: {
  rows: PersonService[];
  canPay: boolean;
  onEdit: (s: PersonService) => void;
  onReverse: (id: string) => void;
  onArchive: (s: PersonService) => void;
}) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  const formatDate = useFormatDate();
  const money = useMoney();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-labelledby="services-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('services.field.date')}</Table.Th>
            <Table.Th>{t('services.field.type')}</Table.Th>
            <Table.Th>{t('services.field.amount')}</Table.Th>
            <Table.Th>{t('services.field.provider')}</Table.Th>
            <Table.Th>{t('services.field.agreement')}</Table.Th>
            <Table.Th>{t('services.field.note')}</Table.Th>
            <Table.Th>{t('services.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => {
            const label = s.typeCode ? lookups.label(SERVICE_TYPES, s.typeCode) : t('services.subGrant', { reference: s.subGrantReference ?? '' });
            return (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(s.date)}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="sm">{label}</Text>
                    <Group gap={4}>
                      {s.reversedOn && (
                        <Text size="xs" c="red" title={s.reversalReason ?? undefined}>
                          {t('services.badge.reversed', { date: formatDate(s.reversedOn) })}
                        </Text>
                      )}
                      {s.outsideStatus && (
                        <Text size="xs" c="orange.8">
                          {t('services.badge.outsideStatus')}
                        </Text>
                      )}
                      {s.archivedAt && (
                        <Badge color="gray" variant="light" tt="none">
                          {t('services.badge.archived')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {s.amountMinor !== null && s.currency ? (
                    <Stack gap={0}>
                      <Text size="sm" td={s.reversedOn ? 'line-through' : undefined}>
                        <bdi>{money(s.amountMinor, s.currency)}</bdi>
                      </Text>
                      {s.accountName && (
                        <Text size="xs" c="dimmed">
                          {t('services.paidFrom', { account: s.accountName })}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{s.providerKind === 'partner' ? s.partnerName : t('services.provider.association')}</Table.Td>
                <Table.Td>{s.agreementReference ? [s.agreementReference, s.budgetLineCode].filter(Boolean).join(' · ') : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={3}>
                    {s.note ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {s.origin === 'service' ? (
                    <Group gap={4} wrap="nowrap">
                      {!s.archivedAt && (
                        <Button variant="subtle" size="xs" onClick={() => onEdit(s)} aria-label={t('services.editNamed', { label })}>
                          {t('services.edit')}
                        </Button>
                      )}
                      {canPay && s.amountMinor !== null && !s.reversedOn && (
                        <Button variant="subtle" size="xs" color="red" onClick={() => onReverse(s.id)} aria-label={t('services.reverseNamed', { label })}>
                          {t('services.reverse.action')}
                        </Button>
                      )}
                      {(s.amountMinor === null || s.reversedOn || !s.journalEntryId) && (
                        <Button variant="subtle" size="xs" color="gray" onClick={() => onArchive(s)}>
                          {t(s.archivedAt ? 'services.restore' : 'services.archive')}
                        </Button>
                      )}
                    </Group>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('services.fromGrants')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
