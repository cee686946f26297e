import { Text, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../../../electron/contract';
import { intlLocale } from '../../i18n';
import classes from './OpenFilePage.module.css';

/** Named by its association; the path and date are its description, read after the name. */
export function RecentFileButton({ file, onChoose }: { file: RecentFile; onChoose: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const openedAt = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' }).format(
    new Date(file.openedAt),
  );
  return (
    <UnstyledButton
      className={classes.recent}
      onClick={() => onChoose(file.path)}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-path ${id}-date`}
    >
      <Text fw={600} id={`${id}-name`}>
        {file.associationName}
      </Text>
      <Text size="sm" c="dimmed" className={classes.path} id={`${id}-path`}>
        <bdi dir="ltr">{file.path}</bdi>
      </Text>
      <Text size="xs" c="dimmed" id={`${id}-date`}>
        {t('open.lastOpened', { date: openedAt })}
      </Text>
    </UnstyledButton>
  );
}
