import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useInvalidateGrants } from './invalidate';

const OPS = {
  agreement: { archive: 'grants.agreements.archive', restore: 'grants.agreements.restore' },
  call: { archive: 'grants.calls.archive', restore: 'grants.calls.restore' },
  subGrant: { archive: 'grants.subGrants.archive', restore: 'grants.subGrants.restore' },
} as const;

/** A closed agreement or call, or a sub-grant cancelled before any payment, is archived (never deleted: reports still count it); it can come back. */
export function ArchiveToggle({ kind, id, archivedAt }: { kind: keyof typeof OPS; id: string; archivedAt: string | null }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const archived = Boolean(archivedAt);
  const change = useOpMutation(OPS[kind][archived ? 'restore' : 'archive'], { onSuccess: () => invalidate() });
  return (
    <Stack gap={2}>
      <Button variant="default" color={archived ? undefined : 'red'} loading={change.isPending} onClick={() => change.mutate({ id })}>
        {archived ? t(`grants.${kind}.restore`) : t(`grants.${kind}.archive`)}
      </Button>
      <OpErrorAlert error={change.error} />
    </Stack>
  );
}
