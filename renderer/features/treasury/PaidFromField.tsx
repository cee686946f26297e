import { Alert } from '@mantine/core';
import { useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parseMoney, type AccountRow } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { SelectField } from '../grants/fields';
import { useMoney } from '../grants/money';

/** The account the core pays from when none is chosen: the first bank account in the currency, else any account in it. */
const defaultAccount = (accounts: AccountRow[], currency: string) =>
  accounts.find((a) => a.currency === currency && a.kind === 'bank') ?? accounts.find((a) => a.currency === currency);

/**
 * In a payment form of another area (a sub-grant's disbursement): the treasury account it leaves,
 * and a warning with the figures when the payment is larger than that account's balance.
 */
export function PaidFromField<T extends FieldValues, O>({
  control,
  name,
  currency,
  dateName,
  amountName,
}: {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  currency: string;
  dateName: FieldPath<T>;
  amountName: FieldPath<T>;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const accounts = useOp('treasury.accounts.list', {});
  const [chosen, date, amountText] = useWatch({ control, name: [name, dateName, amountName] }) as [string, string, string];
  const fallback = defaultAccount(accounts.data ?? [], currency);
  const account = accounts.data?.find((a) => a.id === chosen) ?? fallback;
  const amountMinor = parseMoney(amountText ?? '');
  const check = useOp(
    'treasury.entries.check',
    { date, accountId: account?.id ?? '', direction: 'out', amountMinor: amountMinor ?? 1 },
    { enabled: Boolean(account && account.currency === currency && amountMinor && /^\d{4}-\d{2}-\d{2}$/.test(date ?? '')), retry: false },
  );
  return (
    <>
      <SelectField
        control={control}
        name={name}
        label={t('treasury.paidFrom.label')}
        placeholder={fallback ? t('treasury.paidFrom.default', { name: fallback.name }) : undefined}
        clearable
        data={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }))}
      />
      {(check.data ?? []).map((w) =>
        w.kind === 'balance_short' ? (
          <Alert key={w.kind} color="orange" role="status">
            {t('treasury.entry.balance_short', { balance: money(w.balanceMinor, w.currency), after: money(w.afterMinor, w.currency) })}
          </Alert>
        ) : null,
      )}
    </>
  );
}
