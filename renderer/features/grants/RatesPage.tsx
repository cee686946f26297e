import { Anchor, Button, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { GRANT_CURRENCIES, rateInputSchema } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useDate } from './dates';
import { useGrantsSave } from './save';
import { grantsPath } from './paths';
import { DayField, SelectField, TextField } from './fields';
import { grantsResolver } from './form';

const currencyOptions = GRANT_CURRENCIES.map((c) => ({ value: c, label: c }));

/** Millionths → "10,8345" (trailing zeros dropped). */
export const rateText = (micro: number, separator = ','): string => {
  const units = Math.floor(micro / 1_000_000);
  const decimals = String(micro % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return decimals ? `${units}${separator}${decimals}` : String(units);
};

/** A rate as typed ("10,8345"), read into millionths by the contract's parser. */
interface RateDraft {
  date: string;
  fromCurrency: string;
  toCurrency: string;
  rateMicro: string;
}

/** The exchange-rate table: a rate applies from its date until the next one. */
export function RatesPage() {
  const { t } = useTranslation();
  const date = useDate();
  const rates = useOp('grants.rates.list', {});
  const form = useForm<RateDraft, unknown, z.output<typeof rateInputSchema>>({
    defaultValues: { date: '', fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: '' },
    resolver: grantsResolver(rateInputSchema, (d, read) => ({ ...d, rateMicro: read.rate(d.rateMicro, 'rateMicro') })),
  });
  const save = useGrantsSave('grants.rates.save', form, () => form.resetField('rateMicro'));
  const { control } = form;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={grantsPath} size="sm">
        {t('grants.back')}
      </Anchor>
      <Title order={1}>{t('grants.rates.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('grants.rates.explain')}
      </Text>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 5 }} style={{ alignItems: 'end' }}>
          <DayField control={control} name="date" label={t('grants.rates.date')} required />
          <SelectField control={control} name="fromCurrency" label={t('grants.rates.from')} data={currencyOptions} />
          <SelectField control={control} name="toCurrency" label={t('grants.rates.to')} data={currencyOptions} />
          <TextField control={control} name="rateMicro" label={t('grants.rates.rate')} required inputMode="decimal" autoComplete="off" />
          <Button type="submit" loading={save.isPending}>
            {t('grants.rates.add')}
          </Button>
        </SimpleGrid>
      </form>
      <OpErrorAlert error={save.error} />
      {rates.isPending && <Loader />}
      {rates.data && rates.data.length === 0 && <Text c="dimmed">{t('grants.rates.empty')}</Text>}
      {rates.data && rates.data.length > 0 && (
        <Table striped aria-label={t('grants.rates.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grants.rates.date')}</Table.Th>
              <Table.Th>{t('grants.rates.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{date(r.date)}</Table.Td>
                <Table.Td dir="ltr">{t('grants.rates.value', { from: r.fromCurrency, to: r.toCurrency, rate: rateText(r.rateMicro) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
