import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Beneficiary, DuplicateCandidate, DuplicatePair } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { beneficiaryPath, listPath } from './paths';

const pairKey = (pair: DuplicatePair) => `${pair.a.id}|${pair.b.id}`;

/**
 * "These are different people" has no operation in the core: the answer is kept in memory for this
 * session only (the key is not an operation name, so signing out or locking drops it with the rest).
 */
const DISMISSED = ['beneficiaries:dismissedDuplicatePairs'];

function useDismissedPairs(): [Set<string>, (key: string) => void] {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: DISMISSED,
    queryFn: () => client.getQueryData<string[]>(DISMISSED) ?? [],
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const dismiss = (key: string) => client.setQueryData<string[]>(DISMISSED, (old = []) => [...old, key]);
  return [new Set(data ?? []), dismiss];
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  const pairs = useOp('beneficiaries.duplicatePairs', {});
  const [dismissed, dismiss] = useDismissedPairs();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [merged, setMerged] = useState<Beneficiary | null>(null);
  const visible = (pairs.data ?? []).filter((pair) => !dismissed.has(pairKey(pair)));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={listPath} size="sm">
        {t('beneficiaries.person.backToList')}
      </Anchor>
      <div>
        <Title order={1}>{t('beneficiaries.duplicates.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('beneficiaries.duplicates.intro')}
        </Text>
      </div>
      {merged && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setMerged(null)}>
          {t('beneficiaries.duplicates.merged')}{' '}
          <Anchor component={Link} to={beneficiaryPath(merged.id)}>
            {t('beneficiaries.duplicates.openSurvivor', { reference: merged.reference })}
          </Anchor>
        </Alert>
      )}
      {pairs.isPending && <Loader role="status" aria-label={t('app.loading')} />}
      <OpErrorAlert error={pairs.error} />
      {pairs.data && visible.length === 0 && <Text>{t('beneficiaries.duplicates.none')}</Text>}
      {visible.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('beneficiaries.duplicates.dismissHint')}
        </Text>
      )}
      <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {visible.map((pair) => (
          <li key={pairKey(pair)}>
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Group gap={6}>
                  {pair.a.reasons.map((reason) => (
                    <Badge key={reason} color="orange" variant="light" tt="none">
                      {t(`beneficiaries.duplicates.reason.${reason}`)}
                    </Badge>
                  ))}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <CandidateCard c={pair.a} />
                  <CandidateCard c={pair.b} />
                </SimpleGrid>
                <Group justify="flex-end" gap="xs">
                  <Button variant="default" onClick={() => dismiss(pairKey(pair))}>
                    {t('beneficiaries.duplicates.notSame')}
                  </Button>
                  <Button onClick={() => setMerging(pair)}>{t('beneficiaries.duplicates.merge')}</Button>
                </Group>
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
      {merging && (
        <MergeModal
          pair={merging}
          onClose={() => setMerging(null)}
          onMerged={(record) => {
            setMerging(null);
            setMerged(record);
          }}
        />
      )}
    </Stack>
  );
}

function CandidateCard({ c }: { c: DuplicateCandidate }) {
  const { t } = useTranslation();
  return (
    <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="md">
      <Text fw={600}>{c.displayName}</Text>
      <Text size="sm" c="dimmed">
        <bdi>{c.reference}</bdi> · {t('beneficiaries.duplicates.bornIn', { year: c.birthYear })}
      </Text>
      <Anchor component={Link} to={beneficiaryPath(c.id)} size="sm">
        {t('beneficiaries.duplicates.openRecord', { reference: c.reference })}
      </Anchor>
    </Paper>
  );
}

function MergeModal({ pair, onClose, onMerged }: { pair: DuplicatePair; onClose: () => void; onMerged: (b: Beneficiary) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [survivor, setSurvivor] = useState(pair.a.id);
  const mergedId = survivor === pair.a.id ? pair.b.id : pair.a.id;
  const merge = useOpMutation('beneficiaries.merge', {
    onSuccess: (record) => {
      void client.invalidateQueries({ queryKey: opKey('beneficiaries.duplicatePairs') });
      void client.invalidateQueries({ queryKey: opKey('beneficiaries.search') });
      void client.invalidateQueries({ queryKey: opKey('beneficiaries.get') });
      onMerged(record);
    },
  });
  const label = (c: DuplicateCandidate) => `${c.displayName} (${c.reference})`;

  return (
    <Modal opened onClose={onClose} title={t('beneficiaries.duplicates.mergeTitle')} centered size="lg">
      <Stack>
        <Radio.Group label={t('beneficiaries.duplicates.keepWhich')} value={survivor} onChange={setSurvivor}>
          <Stack gap="xs" mt="xs">
            <Radio value={pair.a.id} label={label(pair.a)} />
            <Radio value={pair.b.id} label={label(pair.b)} />
          </Stack>
        </Radio.Group>
        <Text size="sm">{t('beneficiaries.duplicates.mergeExplain')}</Text>
        <OpErrorAlert error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => merge.mutate({ survivorId: survivor, mergedId })} loading={merge.isPending}>
            {t('beneficiaries.duplicates.mergeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
