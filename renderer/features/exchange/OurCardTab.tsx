import { Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../app/ops';
import { downloadText } from '../../ui/download';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { Fingerprint } from './Fingerprint';

/** The association's own card: the file partners need, and the digits they check it with. */
export function OurCardTab() {
  const { t } = useTranslation();
  const card = useOp('identity.card', {});

  if (card.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (card.error) return <OpErrorAlert error={card.error} />;
  const { fileName, fingerprint, text } = card.data;

  return (
    <Paper withBorder p="lg" radius="lg" maw={760}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('cards.ours.title')}
        </Title>
        <Text>{t('cards.ours.intro')}</Text>
        <Fingerprint label={t('cards.ours.fingerprint')} fingerprint={fingerprint} />
        <Text c="dimmed">{t('cards.ours.readOut')}</Text>
        <Button w="fit-content" onClick={() => downloadText(fileName, text, 'application/json;charset=utf-8')}>
          {t('cards.ours.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
