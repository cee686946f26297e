import { Alert, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type PartnerDifference,
  type PartnerImportPlan,
  type PartnerMapSigner,
  type PartnerMergeOutcome,
  type PlannedPartner,
} from '../../../electron/contract';
import { useDates } from '../case-follow-up/format';
import { Fingerprint } from './Fingerprint';

const outcomeColors: Record<PartnerMergeOutcome, string> = {
  added: 'teal',
  merged: 'blue',
  unchanged: 'gray',
  conflict: 'orange',
  ours: 'gray',
};

/** Who made a map and whether we know them: only a card we hold names the maker. */
export function MapSigner({ signer }: { signer: PartnerMapSigner }) {
  const { t } = useTranslation();
  const dates = useDates();
  const known = signer.ours || signer.partnerName !== null;
  return (
    <Alert color={known ? 'teal' : 'orange'} variant="light" title={t('partners.map.madeBy', { name: signer.associationName, city: signer.city })}>
      <Stack gap="xs">
        <Text size="sm">
          {signer.ours
            ? t('partners.map.signerOurs')
            : signer.partnerName === null
              ? t('partners.map.signerUnknown')
              : signer.checkedAt
                ? t('partners.map.signerChecked', { partner: signer.partnerName, date: dates.day(signer.checkedAt.slice(0, 10)) })
                : t('partners.map.signerUnchecked', { partner: signer.partnerName })}
        </Text>
        <Fingerprint label={t('partners.map.fingerprint')} fingerprint={signer.fingerprint} />
      </Stack>
    </Alert>
  );
}

export function MergeCounts({ counts }: { counts: PartnerImportPlan['counts'] }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" role="list" aria-label={t('partners.import.countsLabel')}>
      {(Object.keys(counts) as (keyof typeof counts)[])
        .filter((key) => key !== 'ours' || counts.ours > 0)
        .map((key) => (
          <Text key={key} role="listitem" fw={600}>
            {t(`partners.import.count.${key}`, { count: counts[key] })}
          </Text>
        ))}
    </Group>
  );
}

function Difference({ d }: { d: PartnerDifference }) {
  const { t } = useTranslation();
  const shown = (value: string) => (d.field === 'type' ? t(`partners.types.${value}`) : value);
  return (
    <Text size="xs">
      {t(`partners.import.field.${d.field}`)} : {t('partners.import.ours')} <bdi>{shown(d.ours)}</bdi> · {t('partners.import.theirs')}{' '}
      <bdi>{shown(d.theirs)}</bdi>
    </Text>
  );
}

function Details({ p }: { p: PlannedPartner }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {p.filled.length > 0 && (
        <Text size="xs">{t('partners.import.filled', { fields: p.filled.map((f) => t(`partners.import.field.${f}`)).join(', ') })}</Text>
      )}
      {p.differences.map((d) => (
        <Difference key={d.field} d={d} />
      ))}
      {p.card !== 'none' && p.card !== 'same' && <Text size="xs">{t(`partners.import.card.${p.card}`)}</Text>}
    </Stack>
  );
}

/** Each partner of the file or sheet and what the merge does with it, then the rows left out. */
export function MergeTable({ plan }: { plan: PartnerImportPlan }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {plan.partners.length > 0 && (
        <Table.ScrollContainer minWidth={620} mah={320}>
          <Table striped verticalSpacing="xs" aria-label={t('partners.import.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('partners.name')}</Table.Th>
                <Table.Th>{t('partners.city')}</Table.Th>
                <Table.Th>{t('partners.import.outcome')}</Table.Th>
                <Table.Th>{t('partners.import.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.partners.map((p) => (
                <Table.Tr key={p.row}>
                  <Table.Td>
                    <bdi>{p.name}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{p.city}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" radius="sm" tt="none" color={outcomeColors[p.outcome]}>
                      {t(`partners.import.outcomes.${p.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Details p={p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {plan.rejected.length > 0 && (
        <Alert color="red" variant="light" title={t('partners.import.rejectedTitle')}>
          <List size="sm">
            {plan.rejected.map((r) => (
              <List.Item key={r.row}>
                {t('partners.import.rejectedRow', {
                  row: r.row,
                  reasons: Object.entries(r.reasons)
                    .map(([field, code]) => `${t(`partners.${field}`)} : ${t(`partners.import.problems.${code}`)}`)
                    .join(' · '),
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
