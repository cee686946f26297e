import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Beneficiary, DuplicateCandidate, DuplicatePair, DuplicatePairs } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { beneficiaryPath, listPath } from './paths';

const pairKey = (pair: DuplicatePair) => `${pair.a.id}|${pair.b.id}`;

export function DuplicatesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canMerge = useAppStatus().data?.session?.user.role === 'president';
  const found = useOp('beneficiaries.duplicatePairs', {});
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [merged, setMerged] = useState<Beneficiary | null>(null);
  const markDifferent = useOpMutation('beneficiaries.markDifferent', {
    onSuccess: ({ a, b }) => {
      // The pair goes at once; working the pairs out again on a large file takes a moment.
      client.setQueryData<DuplicatePairs>(opKey('beneficiaries.duplicatePairs', {}), (old) =>
        old && { pairs: old.pairs.filter((p) => pairKey(p) !== `${a}|${b}` && pairKey(p) !== `${b}|${a}`), total: old.total - 1 },
      );
      void client.invalidateQueries({ queryKey: opKey('beneficiaries.duplicatePairs') });
    },
  });
  const pairs = found.data?.pairs ?? [];

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
      {found.isPending && <Loader role="status" aria-label={t('app.loading')} />}
      <OpErrorAlert error={found.error} />
      <OpErrorAlert error={markDifferent.error} />
      {found.data && pairs.length === 0 && <Text>{t('beneficiaries.duplicates.none')}</Text>}
      {pairs.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('beneficiaries.duplicates.dismissHint')}
          </Text>
          {!canMerge && (
            <Text size="sm" c="dimmed">
              {t('beneficiaries.duplicates.presidentMerges')}
            </Text>
          )}
          {found.data && found.data.total > pairs.length && (
            <Text size="sm" c="dimmed">
              {t('beneficiaries.duplicates.shownOf', { shown: pairs.length, total: found.data.total })}
            </Text>
          )}
        </Stack>
      )}
      <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pairs.map((pair) => (
          <li key={pairKey(pair)}>
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Group gap={6} role="group" aria-label={t('beneficiaries.duplicates.reasons')}>
                  {pair.a.reasons.map((reason) => (
                    <Badge key={reason} color="orange" variant="light" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
                      {t(`beneficiaries.duplicates.reason.${reason}`)}
                    </Badge>
                  ))}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <CandidateCard c={pair.a} />
                  <CandidateCard c={pair.b} />
                </SimpleGrid>
                <Group justify="flex-end" gap="xs">
                  <Button
                    variant="default"
                    loading={markDifferent.isPending && markDifferent.variables?.a === pair.a.id && markDifferent.variables.b === pair.b.id}
                    onClick={() => markDifferent.mutate({ a: pair.a.id, b: pair.b.id })}
                  >
                    {t('beneficiaries.duplicates.notSame')}
                  </Button>
                  {canMerge && <Button onClick={() => setMerging(pair)}>{t('beneficiaries.duplicates.merge')}</Button>}
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
      void client.invalidateQueries({ queryKey: opKey('backups.list') });
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
        <Text size="sm">{t('beneficiaries.duplicates.mergeBackup')}</Text>
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
