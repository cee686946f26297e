import { Box, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../app/ops';

/** How often the import's progress is asked for while it runs. */
export const PROGRESS_POLL_MS = 300;

/** Step 3: rows checked so far, then the single write of all the good ones. */
export function ProgressStep({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const progress = useOp(
    'jobs.progress',
    { jobId },
    { refetchInterval: (query) => (query.state.data?.finished ? false : PROGRESS_POLL_MS), gcTime: 0 },
  ).data;

  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const saving = progress !== undefined && progress !== null && done >= total;
  const text = !progress
    ? t('import.progress.starting')
    : saving
      ? t('import.progress.saving')
      : t('import.progress.checked', { done, total });
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;

  return (
    <Stack gap="sm" maw={640}>
      <Text id="import-progress-label" fw={600}>
        {t('import.progress.title')}
      </Text>
      <Box
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={total || 100}
        aria-valuenow={total ? done : undefined}
        aria-valuetext={text}
      >
        <Progress.Root size="xl" radius="md">
          <Progress.Section value={saving ? 100 : percent} withAria={false} animated={saving || !progress} />
        </Progress.Root>
      </Box>
      <Text aria-live="polite">{text}</Text>
      <Text size="sm" c="dimmed">
        {t('import.progress.keepOpen')}
      </Text>
    </Stack>
  );
}
