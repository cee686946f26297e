import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubGrantFigures } from '../../../electron/contract';

const colour = { ok: 'green', watch: 'orange', late: 'red' } as const;

/** The colour says it at a glance; the word says it to everyone (and to screen readers). */
export function StateBadge({ state }: { state: SubGrantFigures['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colour[state]} variant="light" data-state={state}>
      {t(`grants.state.${state}`)}
    </Badge>
  );
}
