import { Button, Popover, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../app/ops';
import { downloadText } from '../../ui/download';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

/** Saves the directory as an actor map signed by our association, for partners to import. */
export function ExportPartnerMap() {
  const { t } = useTranslation();
  const exportMap = useOpMutation('partners.exportMap', {
    onSuccess: ({ text, fileName }) => downloadText(fileName, text, 'application/json'),
  });
  return (
    <Popover opened={exportMap.isSuccess || exportMap.isError} onClose={() => exportMap.reset()} withArrow width={320}>
      <Popover.Target>
        <Button variant="default" loading={exportMap.isPending} onClick={() => exportMap.mutate({})}>
          {t('partners.map.export')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {exportMap.data && (
          <Text size="sm" role="status">
            {t('partners.map.exported', { count: exportMap.data.count })}
          </Text>
        )}
        <OpErrorAlert error={exportMap.error} />
      </Popover.Dropdown>
    </Popover>
  );
}
