import { Button, Input, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_FILE_EXTENSION, MAX_CARD_TEXT, type PartnerCard } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useDates } from '../case-follow-up/format';
import { problemKey } from '../case-follow-up/problems';
import { Fingerprint } from './Fingerprint';
import { readAsText } from '../../ui/read-file';

/** The card held for one partner of the directory: add or replace it, and record the phone check. */
export function PartnerCardPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const card = useOp('partners.card', { partnerId });

  if (card.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (card.error) return <OpErrorAlert error={card.error} />;
  return (
    <Stack gap="md">
      {card.data ? <HeldCard card={card.data} /> : <Text>{t('cards.partner.none')}</Text>}
      <CardFileInput partnerId={partnerId} replacing={card.data !== null} />
    </Stack>
  );
}

function HeldCard({ card }: { card: PartnerCard }) {
  const { t } = useTranslation();
  const dates = useDates();
  const client = useQueryClient();
  const confirm = useOpMutation('partners.confirmCard', {
    onSuccess: (confirmed) => client.setQueryData(opKey('partners.card', { partnerId: card.partnerId }), confirmed),
    // The card shown was replaced meanwhile: show the one now held, to be checked afresh.
    onError: () => void client.invalidateQueries({ queryKey: opKey('partners.card', { partnerId: card.partnerId }) }),
  });

  return (
    <Stack gap="sm">
      <Stack gap={0}>
        <Text fw={600}>
          <bdi>{card.associationName}</bdi>
        </Text>
        {card.city && (
          <Text size="sm" c="dimmed">
            <bdi>{card.city}</bdi>
          </Text>
        )}
      </Stack>
      <Fingerprint label={t('cards.partner.fingerprint')} fingerprint={card.fingerprint} />
      {card.checkedAt ? (
        <Text c="teal.8" fw={600}>
          {card.checkedByName
            ? t('cards.partner.checked', { date: dates.moment(card.checkedAt), name: card.checkedByName })
            : t('cards.partner.checkedNoName', { date: dates.moment(card.checkedAt) })}
        </Text>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text fw={600}>{t('cards.partner.unchecked')}</Text>
          <Text size="sm" c="dimmed">
            {t('cards.partner.check')}
          </Text>
          <Button
            loading={confirm.isPending}
            onClick={() => confirm.mutate({ partnerId: card.partnerId, fingerprint: card.fingerprint })}
          >
            {t('cards.partner.confirm')}
          </Button>
          <OpErrorAlert error={confirm.error} />
        </Stack>
      )}
    </Stack>
  );
}

/** Reads the chosen card file and hands its text to the core, which says at `cardText` why it refuses one. */
function CardFileInput({ partnerId, replacing }: { partnerId: string; replacing: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const importCard = useOpMutation('partners.importCard');

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setProblem(null);
    importCard.reset();
    if (!file) return;
    // Cleared so that the same file can be chosen again once the partner has sent a good one.
    const refuse = (code: string) => {
      setProblem(t(problemKey(code)));
      input.value = '';
    };
    // A card is a few hundred characters; up to four bytes each in UTF-8.
    if (file.size > MAX_CARD_TEXT * 4) return refuse('card_invalid');
    setReading(true);
    let cardText: string;
    try {
      cardText = await readAsText(file);
    } catch {
      setReading(false);
      return refuse('card_invalid');
    }
    setReading(false);
    if (cardText.length > MAX_CARD_TEXT) return refuse('card_invalid');
    importCard.mutate(
      { partnerId, cardText },
      {
        onSuccess: (held) => {
          input.value = '';
          client.setQueryData(opKey('partners.card', { partnerId }), held);
        },
        onError: (error) => {
          const code = error.fields?.cardText;
          if (code) refuse(code);
          else input.value = '';
        },
      },
    );
  };

  const busy = reading || importCard.isPending;
  const error = problem ?? undefined;
  return (
    <Stack gap="xs">
      <Input.Wrapper
        id={id}
        label={replacing ? t('cards.partner.replace') : t('cards.partner.add')}
        description={replacing ? t('cards.partner.replaceHelp') : t('cards.partner.fileHelp')}
        error={error}
      >
        <input
          id={id}
          type="file"
          accept={`${CARD_FILE_EXTENSION},application/json`}
          disabled={busy}
          onChange={(event) => void choose(event)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
        />
      </Input.Wrapper>
      {busy && <Loader size="sm" role="status" aria-label={t('cards.partner.reading')} />}
      <OpErrorAlert error={problem ? null : importCard.error} />
    </Stack>
  );
}
