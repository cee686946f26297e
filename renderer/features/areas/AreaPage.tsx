import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Area } from './areas';

/** An area not built yet: its title only. */
export function AreaPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  return <Title order={1}>{t(`areas.${area}`)}</Title>;
}
