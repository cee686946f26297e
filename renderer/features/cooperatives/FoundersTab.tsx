import { Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CooperativeDetail, Founder } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { SearchInput } from '../../ui/SearchInput';
import { PersonSearch } from '../activities/PersonSearch';
import { useCountryName } from '../beneficiaries/countries';
import { useFormatDate } from '../beneficiaries/format';
import { beneficiaryPath } from '../beneficiaries/paths';
import { memberPath } from '../members/paths';
import { useRefreshCooperatives } from './CooperativePage';
import { useCooperativeSave } from './save';

interface Picked {
  kind: 'beneficiary' | 'member';
  id: string;
  label: string;
}

function MemberSearch({ onPick, pickLabel, exclude }: { onPick: (p: Picked) => void; pickLabel: string; exclude: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const found = useOp('members.list', { query: debounced, limit: 10 }, { enabled: debounced.length > 0 });
  return (
    <Stack gap="xs">
      <SearchInput label={t('cooperatives.founders.searchMember')} value={query} onSearchChange={setQuery} />
      {(found.data?.rows ?? [])
        .filter((m) => !exclude.has(m.id))
        .map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {m.firstName} {m.lastName}{' '}
              <Text span size="xs" c="dimmed">
                {m.number}
              </Text>
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => onPick({ kind: 'member', id: m.id, label: `${m.firstName} ${m.lastName}` })}>
              {pickLabel}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

type Count = number | '';

/** Whole shares; a field being retyped may be empty for a moment. */
const sharesValid = (subscribed: Count, paid: Count) => subscribed !== '' && paid !== '' && subscribed >= 1 && paid <= subscribed;

function SharesInputs({ subscribed, paid, onChange }: { subscribed: Count; paid: Count; onChange: (s: Count, p: Count) => void }) {
  const { t } = useTranslation();
  const count = (v: string | number): Count => (typeof v === 'number' ? v : '');
  return (
    <Group grow>
      <NumberInput label={t('cooperatives.founders.subscribed')} min={1} allowDecimal={false} value={subscribed} onChange={(v) => onChange(count(v), paid)} />
      <NumberInput
        label={t('cooperatives.founders.paid')}
        min={0}
        allowDecimal={false}
        value={paid}
        onChange={(v) => onChange(subscribed, count(v))}
        error={subscribed !== '' && paid !== '' && paid > subscribed ? t('cooperatives.problems.shares_paid_above_subscribed') : undefined}
      />
    </Group>
  );
}

function AddFounder({ cooperativeId, exclude }: { cooperativeId: string; exclude: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const refresh = useRefreshCooperatives();
  const [kind, setKind] = useState<'beneficiary' | 'member'>('beneficiary');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [shares, setShares] = useState<{ subscribed: Count; paid: Count }>({ subscribed: 1, paid: 0 });
  const add = useOpMutation('cooperatives.saveFounder', {
    onSuccess: async () => {
      setPicked(null);
      setShares({ subscribed: 1, paid: 0 });
      await refresh();
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('cooperatives.founders.add')}</Title>
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v as 'beneficiary' | 'member');
            setPicked(null);
          }}
          data={[
            { value: 'beneficiary', label: t('cooperatives.founders.fromBeneficiaries') },
            { value: 'member', label: t('cooperatives.founders.fromMembers') },
          ]}
        />
        {picked ? (
          <Group>
            <Text fw={600}>{picked.label}</Text>
            <Button size="compact-sm" variant="subtle" onClick={() => setPicked(null)}>
              {t('cooperatives.founders.change')}
            </Button>
          </Group>
        ) : kind === 'beneficiary' ? (
          <PersonSearch
            exclude={exclude}
            pickLabel={t('cooperatives.founders.pick')}
            onPick={(row) => setPicked({ kind: 'beneficiary', id: row.id, label: `${row.displayName} (${row.reference})` })}
          />
        ) : (
          <MemberSearch pickLabel={t('cooperatives.founders.pick')} onPick={setPicked} exclude={exclude} />
        )}
        <SharesInputs subscribed={shares.subscribed} paid={shares.paid} onChange={(subscribed, paid) => setShares({ subscribed, paid })} />
        {add.data?.residenceWarning && (
          <Alert color="orange" variant="light">
            {t('cooperatives.founders.residenceWarning')}
          </Alert>
        )}
        <OpErrorAlert error={add.error} />
        <Group>
          <Button
            disabled={!picked || !sharesValid(shares.subscribed, shares.paid)}
            loading={add.isPending}
            onClick={() =>
              picked &&
              shares.subscribed !== '' &&
              shares.paid !== '' &&
              add.mutate({
                cooperativeId,
                ...(picked.kind === 'beneficiary' ? { beneficiaryId: picked.id } : { memberId: picked.id }),
                sharesSubscribed: shares.subscribed,
                sharesPaid: shares.paid,
              })
            }
          >
            {t('cooperatives.founders.addButton')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function EditShares({ founder, onClose }: { founder: Founder; onClose: () => void }) {
  const { t } = useTranslation();
  const [shares, setShares] = useState<{ subscribed: Count; paid: Count }>({ subscribed: founder.sharesSubscribed, paid: founder.sharesPaid });
  const save = useCooperativeSave('cooperatives.saveFounder', onClose);
  return (
    <Modal opened onClose={onClose} title={founder.name}>
      <Stack>
        <SharesInputs subscribed={shares.subscribed} paid={shares.paid} onChange={(subscribed, paid) => setShares({ subscribed, paid })} />
        <OpErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={!sharesValid(shares.subscribed, shares.paid)}
            onClick={() =>
              shares.subscribed !== '' &&
              shares.paid !== '' &&
              save.mutate({
                id: founder.id,
                cooperativeId: founder.cooperativeId,
                beneficiaryId: founder.beneficiaryId,
                memberId: founder.memberId,
                sharesSubscribed: shares.subscribed,
                sharesPaid: shares.paid,
              })
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function FoundersTab({ detail, editable }: { detail: CooperativeDetail; editable: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const country = useCountryName();
  const refresh = useRefreshCooperatives();
  const [editing, setEditing] = useState<Founder | null>(null);
  const remove = useOpMutation('cooperatives.removeFounder', { onSuccess: refresh });
  const exclude = new Set(detail.founders.flatMap((f) => [f.beneficiaryId, f.memberId]).filter((id): id is string => id !== null));

  return (
    <Stack gap="md">
      <OpErrorAlert error={remove.error} />
      {detail.founders.length === 0 ? (
        <Text c="dimmed">{t('cooperatives.founders.none')}</Text>
      ) : (
        <Table striped aria-label={t('cooperatives.tabs.founders', { count: detail.founders.length })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cooperatives.founders.name')}</Table.Th>
              <Table.Th>{t('cooperatives.founders.nationality')}</Table.Th>
              <Table.Th>{t('cooperatives.founders.subscribed')}</Table.Th>
              <Table.Th>{t('cooperatives.founders.paid')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.founders.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Anchor component={Link} to={f.memberId ? memberPath(f.memberId) : beneficiaryPath(f.beneficiaryId ?? '')}>
                    {f.name}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {f.reference}
                  </Text>
                  {f.arabicName && (
                    <Text size="sm" lang="ar" dir="rtl">
                      {f.arabicName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {f.nationality ? country(f.nationality) : ''}
                  {/* A member with no beneficiary record has no nationality here, so no residence check either. */}
                  {!f.nationality && (
                    <Badge color="gray" variant="light" title={t('cooperatives.founders.nationalityUnknownHelp')}>
                      {t('cooperatives.founders.nationalityUnknown')}
                    </Badge>
                  )}
                  {f.residenceWarning && f.residenceExpiry && (
                    <Badge color="orange" variant="light" ms="xs">
                      {t('cooperatives.founders.expires', { date: formatDate(f.residenceExpiry) })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{f.sharesSubscribed}</Table.Td>
                <Table.Td>{f.sharesPaid}</Table.Td>
                <Table.Td>
                  {editable && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" onClick={() => setEditing(f)}>
                        {t('cooperatives.founders.editShares')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: f.id })} loading={remove.isPending}>
                        {t('cooperatives.founders.remove')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && <AddFounder cooperativeId={detail.cooperative.id} exclude={exclude} />}
      {editing && <EditShares founder={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
