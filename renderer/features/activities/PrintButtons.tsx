import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPrinter } from '../../ui/icons';

/**
 * "Print" opens the print dialog; "Save as PDF" asks the host for a save dialog (Electron). Where
 * there is none (the web bridge answers `not_supported`), the print dialog is the way: Chromium
 * offers "Save as PDF" in it.
 */
export function PrintButtons({ fileName, disabled = false }: { fileName: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const save = useOpMutation('print.savePdf', {
    onError: (error) => {
      if (error.code === 'not_supported') window.print();
    },
  });
  const failure = save.error?.code === 'not_supported' ? null : save.error;
  return (
    <>
      <Group gap="xs">
        <Button leftSection={<IconPrinter width={18} height={18} />} onClick={() => window.print()} disabled={disabled}>
          {t('activities.sheet.print')}
        </Button>
        <Button variant="light" onClick={() => save.mutate({ fileName })} loading={save.isPending} disabled={disabled}>
          {t('activities.sheet.savePdf')}
        </Button>
      </Group>
      {save.data?.path && (
        <Text size="sm" c="green.8" role="status" w="100%">
          {t('activities.sheet.savedPdf', { path: save.data.path })}
        </Text>
      )}
      <OpErrorAlert error={failure} />
    </>
  );
}
