import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UsedRate } from '../../../electron/contract';
import { useDate } from './dates';
import { rateText } from './RatesPage';

/** The rates behind converted figures, in the direction the treasurer typed them, with their date. */
export function RatesUsed({ rates }: { rates: readonly UsedRate[] }) {
  const { t } = useTranslation();
  const date = useDate();
  return rates.map((r) => (
    <Text key={`${r.fromCurrency}>${r.toCurrency}@${r.date}`} size="sm" c="dimmed">
      {t('grants.subGrant.rateUsed', {
        date: date(r.date),
        from: r.inverse ? r.toCurrency : r.fromCurrency,
        to: r.inverse ? r.fromCurrency : r.toCurrency,
        rate: rateText(r.rateMicro),
      })}
    </Text>
  ));
}
