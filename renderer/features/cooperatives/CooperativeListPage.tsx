import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PipelineCard } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ExportButton } from '../reports/ExportButton';
import { IconPlus } from '../../ui/icons';
import { useFormatDate } from '../beneficiaries/format';
import classes from './PipelineBoard.module.css';
import { useStepLabel } from './labels';
import { cooperativePath, newCooperativePath } from './paths';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

function Card({ card }: { card: PipelineCard }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Paper withBorder p="sm" className={card.stale ? classes.stale : undefined} role="listitem" aria-label={card.name}>
      <Anchor component={Link} to={cooperativePath(card.id)} fw={600}>
        {card.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {card.reference} · {t(`core:areas.sector.${card.sector}`)} · {card.city}
      </Text>
      <Text size="xs">{t('cooperatives.board.founders', { count: card.founders })}</Text>
      {card.currentStep && card.currentStep.status !== 'not_started' && (
        <Badge size="xs" variant="light" color={card.currentStep.status === 'blocked' ? 'red' : 'blue'}>
          {t(`cooperatives.stepStatus.${card.currentStep.status}`)}
        </Badge>
      )}
      {/* Text rather than a badge: a badge keeps to one line and would cut the date in a narrow column. */}
      {card.stale && (
        <Text size="xs" fw={600} c="orange.9">
          {t('cooperatives.board.stale', { date: formatDate(card.lastChangeAt) })}
        </Text>
      )}
    </Paper>
  );
}

/** Every project in the column of its current step; those with no change for a while stand out. */
export function CooperativeListPage() {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const board = useOp('cooperatives.pipeline', {});
  const [showArchived, setShowArchived] = useState(false);
  const archived = useOp('cooperatives.list', { archived: true }, { enabled: showArchived });
  const columns = board.data ? [...board.data.columns.map((c) => ({ code: c.code, title: stepLabel(c.labels), cards: c.cards })), { code: 'created', title: t('cooperatives.board.created'), cards: board.data.created }] : [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('areas.cooperatives')}</Title>
        <Group gap="xs">
          <ExportButton list="cooperatives" filters={{ archived: showArchived }} />
          <Button component={Link} to={newCooperativePath} leftSection={<IconPlus width={18} height={18} />}>
            {t('cooperatives.list.new')}
          </Button>
        </Group>
      </Group>
      <OpErrorAlert error={board.error} />
      {board.isPending && <Loader />}
      {board.data && board.data.columns.every((c) => c.cards.length === 0) && board.data.created.length === 0 && (
        <Text c="dimmed">{t('cooperatives.list.empty')}</Text>
      )}
      <div className={classes.board}>
        {columns.map((column) => (
          <section key={column.code} className={classes.column} aria-label={column.title} data-step={column.code}>
            <Text fw={600} size="sm" mb="xs">
              {column.title} ({column.cards.length})
            </Text>
            <Stack gap="xs" role="list">
              {column.cards.map((card) => (
                <Card key={card.id} card={card} />
              ))}
            </Stack>
          </section>
        ))}
      </div>
      <Switch label={t('cooperatives.list.archived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      {showArchived && archived.data && (
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} role="list" aria-label={t('cooperatives.list.archived')}>
          {archived.data.map((card) => (
            <Card key={card.id} card={{ ...card, stale: false }} />
          ))}
        </SimpleGrid>
      )}
      {showArchived && archived.data?.length === 0 && <Text c="dimmed">{t('cooperatives.list.noArchived')}</Text>}
    </Stack>
  );
}
