import { NumberInput } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useFieldError } from '../../ui/forms';
import { toCentimes, toDirhams } from '../members/money';

/** A count, or with `money` an amount typed in dirhams and kept in centimes; never below zero. */
export function NumberField<T extends FieldValues, O>({
  control,
  name,
  label,
  description,
  money = false,
  disabled,
}: {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  money?: boolean;
  disabled?: boolean;
}) {
  const fieldError = useFieldError();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          min={0}
          allowDecimal={money}
          decimalScale={money ? 2 : 0}
          suffix={money ? ' MAD' : undefined}
          disabled={disabled}
          name={field.name}
          value={typeof field.value === 'number' ? (money ? toDirhams(field.value) : field.value) : ''}
          onChange={(v) => field.onChange(typeof v === 'number' ? (money ? toCentimes(v) : v) : undefined)}
          onBlur={field.onBlur}
          error={fieldError(fieldState.error)}
        />
      )}
    />
  );
}
