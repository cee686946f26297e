import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import type { AgreementRow } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { budgetLineOptions, referenceOptions } from '../../ui/record-options';
import { SelectField } from './fields';

/**
 * What a sum is charged to, both optional: an agreement and, once one is chosen, one of its budget
 * lines (asked of the core for that agreement). For forms holding `agreementId` and `budgetLineId`.
 */
export function AgreementLineFields<T extends FieldValues & { agreementId: string; budgetLineId: string }, O>({
  control,
  agreements,
  agreementId,
  labels,
}: {
  control: Control<T, unknown, O>;
  agreements: AgreementRow[] | undefined;
  /** The agreement chosen now (watched by the form). */
  agreementId: string;
  labels: { agreement: string; budgetLine: string };
}) {
  const lines = useOp('grants.agreements.get', { id: agreementId }, { enabled: Boolean(agreementId) });
  return (
    <>
      <SelectField control={control} name={'agreementId' as FieldPath<T>} label={labels.agreement} clearable data={referenceOptions(agreements)} />
      {agreementId ? (
        <SelectField
          control={control}
          name={'budgetLineId' as FieldPath<T>}
          label={labels.budgetLine}
          clearable
          data={budgetLineOptions(lines.data?.budgetLines)}
        />
      ) : null}
    </>
  );
}
