import { Box, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  input: ReactNode;
  /** Only Electron has a native file dialog; through the web bridge the path is typed. */
  visible: boolean;
  onBrowse: () => void;
  loading: boolean;
}

/** A path input with its "Browse…" button beside it, aligned on the input whatever the label's height. */
export function WithBrowse({ input, visible, onBrowse, loading }: Props) {
  const { t } = useTranslation();
  if (!visible) return input;
  return (
    <Group gap="sm" wrap="nowrap">
      <Box flex={1}>{input}</Box>
      <Button variant="default" onClick={onBrowse} loading={loading}>
        {t('common.browse')}
      </Button>
    </Group>
  );
}
