import { Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { UsedRate } from '../../../electron/contract';
import { useDate } from './dates';
import { rateText } from './RatesPage';

/**
 * The rates behind converted figures, in the direction the treasurer typed them, with their date.
 * The equation is isolated left to right, so an Arabic line still reads 1 EUR = 10,85 MAD.
 */
export function RatesUsed({ rates }: { rates: readonly UsedRate[] }) {
  const { t } = useTranslation();
  const date = useDate();
  const formula = <bdi dir="ltr" />;
  return rates.map((r) => (
    <Text key={`${r.fromCurrency}>${r.toCurrency}@${r.date}`} size="sm" c="dimmed">
      <Trans
        t={t}
        i18nKey="grants.subGrant.rateUsed"
        values={{
          date: date(r.date),
          from: r.inverse ? r.toCurrency : r.fromCurrency,
          to: r.inverse ? r.fromCurrency : r.toCurrency,
          rate: rateText(r.rateMicro),
        }}
        components={{ formula }}
      />
    </Text>
  ));
}
