import { Anchor, Button, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GRANT_CURRENCIES, parseRate, rateInputSchema } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useDate } from './dates';
import { useInvalidateGrants } from './invalidate';
import { grantsPath } from './paths';
import { useFieldProblems } from './problems';

const currencyOptions = GRANT_CURRENCIES.map((c) => ({ value: c, label: c }));

/** Millionths → "10,8345" (trailing zeros dropped). */
export const rateText = (micro: number, separator = ','): string => {
  const units = Math.floor(micro / 1_000_000);
  const decimals = String(micro % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return decimals ? `${units}${separator}${decimals}` : String(units);
};

/** The exchange-rate table: a rate applies from its date until the next one. */
export function RatesPage() {
  const { t } = useTranslation();
  const date = useDate();
  const invalidate = useInvalidateGrants();
  const rates = useOp('grants.rates.list', {});
  const problems = useFieldProblems();
  const [day, setDay] = useState('');
  const [from, setFrom] = useState<string | null>('EUR');
  const [to, setTo] = useState<string | null>('MAD');
  const [rate, setRate] = useState('');
  const save = useOpMutation('grants.rates.save', {
    onSuccess: async () => {
      await invalidate();
      setRate('');
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const micro = parseRate(rate);
    const input = problems.check(rateInputSchema, { date: day, fromCurrency: from, toCurrency: to, rateMicro: micro ?? 0 }, micro === null ? { rateMicro: 'rate_invalid' } : {});
    if (input) save.mutate(input);
  };
  return (
    <Stack gap="md">
      <Anchor component={Link} to={grantsPath} size="sm">
        {t('grants.back')}
      </Anchor>
      <Title order={1}>{t('grants.rates.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('grants.rates.explain')}
      </Text>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 5 }} style={{ alignItems: 'end' }}>
          <TextInput type="date" label={t('grants.rates.date')} required value={day} onChange={(e) => setDay(e.currentTarget.value)} error={problems.errors.date} />
          <Select label={t('grants.rates.from')} data={currencyOptions} value={from} onChange={setFrom} error={problems.errors.fromCurrency} />
          <Select label={t('grants.rates.to')} data={currencyOptions} value={to} onChange={setTo} error={problems.errors.toCurrency} />
          <TextInput label={t('grants.rates.rate')} required inputMode="decimal" value={rate} onChange={(e) => setRate(e.currentTarget.value)} error={problems.errors.rateMicro} />
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
