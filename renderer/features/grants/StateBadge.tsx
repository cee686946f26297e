import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubGrantFigures } from '../../../electron/contract';

const colour = { ok: 'green', watch: 'orange', late: 'red' } as const;

/**
 * The colour says it at a glance; the word says it to everyone (and to screen readers). A late
 * badge leads to the list of what is late (`lateTo`). A table squeezed to its width never cuts the
 * word: the badge is never narrower than it.
 */
export function StateBadge({ state, lateTo }: { state: SubGrantFigures['state']; lateTo: string }) {
  const { t } = useTranslation();
  if (state === 'late') {
    return (
      <Badge component={Link} to={lateTo} color={colour.late} variant="light" data-state={state} style={{ cursor: 'pointer', minWidth: 'max-content' }}>
        {t('grants.state.late')}
      </Badge>
    );
  }
  return (
    <Badge color={colour[state]} variant="light" data-state={state} style={{ minWidth: 'max-content' }}>
      {t(`grants.state.${state}`)}
    </Badge>
  );
}
