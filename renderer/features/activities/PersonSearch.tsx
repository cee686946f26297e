import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryRow, MemberRow } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { SearchInput } from '../../ui/SearchInput';

/**
 * Finds people with the same search as the beneficiaries list, and offers each one to `onPick`;
 * with `onPickMember`, members of the association too (those whose beneficiary record is already
 * listed or excluded are left out: picking that record is the same).
 */
export function PersonSearch({
  onPick,
  onPickMember,
  exclude,
  pickLabel,
}: {
  onPick: (row: BeneficiaryRow) => void;
  onPickMember?: (member: MemberRow) => void;
  exclude: ReadonlySet<string>;
  pickLabel: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const found = useOp(
    'beneficiaries.search',
    { query: debounced, filters: { archived: false }, sort: { by: 'createdAt', direction: 'desc' }, offset: 0, limit: 10 },
    { enabled: debounced.length > 0 },
  );
  const foundMembers = useOp('members.list', { query: debounced, limit: 10 }, { enabled: debounced.length > 0 && onPickMember !== undefined });
  const rows = (found.data?.rows ?? []).filter((r) => !exclude.has(r.id));
  const shown = new Set(rows.map((r) => r.id));
  const members = onPickMember ? (foundMembers.data?.rows ?? []).filter((m) => !m.beneficiaryId || (!exclude.has(m.beneficiaryId) && !shown.has(m.beneficiaryId))) : [];
  return (
    <Stack gap="xs">
      <SearchInput label={t('activities.people.search')} value={query} onSearchChange={setQuery} />
      {debounced && found.isPending && <Loader size="xs" />}
      {debounced && found.data && rows.length === 0 && members.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('activities.people.nobody')}
        </Text>
      )}
      {rows.length > 0 && (
        <Stack gap={4} role="list" aria-label={t('activities.people.results')}>
          {rows.map((row) => (
            <Group key={row.id} justify="space-between" role="listitem" wrap="nowrap">
              <Text size="sm">
                {row.displayName}
                {row.arabicName ? ` — ${row.arabicName}` : ''} <Text span c="dimmed" size="xs">{row.reference}</Text>
              </Text>
              <Button size="compact-sm" variant="light" onClick={() => onPick(row)} aria-label={`${pickLabel} ${row.displayName}`}>
                {pickLabel}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {members.length > 0 && onPickMember && (
        <Stack gap={4} role="list" aria-label={t('activities.members.found')}>
          {members.map((m) => {
            const name = `${m.firstName} ${m.lastName}`;
            return (
              <Group key={m.id} justify="space-between" role="listitem" wrap="nowrap">
                <Text size="sm">
                  {name}
                  {m.arabicName ? ` — ${m.arabicName}` : ''}{' '}
                  <Text span c="dimmed" size="xs">
                    {t('activities.members.number', { number: m.number })}
                  </Text>
                </Text>
                <Button size="compact-sm" variant="light" onClick={() => onPickMember(m)} aria-label={t('activities.members.register', { name })}>
                  {pickLabel}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
