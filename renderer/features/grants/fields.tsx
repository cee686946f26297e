import {
  SegmentedControl,
  Switch,
  Text,
  Textarea,
  TextInput,
  type NumberInputProps,
  type SelectProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { Controller, get, useFormState, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateField } from '../../ui/dates/DateField';
import type { DayInputProps } from '../../ui/dates/DayInput';
import { ControlledSelect, ControlledWholeNumber, useOwnFieldError } from '../../ui/form/controlledInputs';
import { useGrantsFieldError } from './form';

// Inputs of the grants forms, each showing its own translated error. Each follows only its own
// error (useFormState by name), so long forms with rows do not re-render whole on every key.

interface FieldProps<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
}

/** `alsoOf`: another path whose problem this input shows (a row's choice between two inputs). */
function useError<T extends FieldValues, O>(control: Control<T, unknown, O>, name: FieldPath<T>, alsoOf?: FieldPath<T>): string | undefined {
  return useOwnFieldError(control, name, useGrantsFieldError(), alsoOf);
}

/** Text, or an amount typed as "1 234,56". */
export function TextField<T extends FieldValues, O>({ control, name, ...props }: FieldProps<T, O> & Omit<TextInputProps, 'name' | 'error' | 'value' | 'onChange'>) {
  const error = useError(control, name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <TextInput {...props} name={field.name} ref={field.ref} value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} error={error} />}
    />
  );
}

/** A day, typed dd/mm/yyyy or picked; the form holds `YYYY-MM-DD`. */
export function DayField<T extends FieldValues, O>({ control, name, ...props }: FieldProps<T, O> & Omit<DayInputProps, 'name' | 'error' | 'value' | 'onChange' | 'form'>) {
  return <DateField {...props} control={control} name={name} error={useError(control, name)} />;
}

export function MoneyField<T extends FieldValues, O>({ currency, ...props }: FieldProps<T, O> & Omit<TextInputProps, 'name' | 'error' | 'value' | 'onChange' | 'rightSection'> & { currency?: string }) {
  return <TextField inputMode="decimal" autoComplete="off" rightSection={currency} rightSectionWidth={currency ? 48 : undefined} {...props} />;
}

export function TextAreaField<T extends FieldValues, O>({ control, name, ...props }: FieldProps<T, O> & Omit<TextareaProps, 'name' | 'error' | 'value' | 'onChange'>) {
  const error = useError(control, name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <Textarea {...props} name={field.name} ref={field.ref} value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} error={error} />}
    />
  );
}

/** A choice held as a string, '' when none. */
export function SelectField<T extends FieldValues, O>({ control, name, ...props }: FieldProps<T, O> & Omit<SelectProps, 'name' | 'error' | 'value' | 'onChange'>) {
  return <ControlledSelect {...props} control={control} name={name} error={useError(control, name)} />;
}

/** One of a few options, all in view; `label` names the group for screen readers. */
export function SegmentedField<T extends FieldValues, O>({ control, name, data, label }: FieldProps<T, O> & { data: { value: string; label: string }[]; label: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <SegmentedControl value={field.value as string} onChange={(value) => field.onChange(value)} data={data} aria-label={label} />}
    />
  );
}

/** A yes/no held as a boolean. */
export function SwitchField<T extends FieldValues, O>({ control, name, label }: FieldProps<T, O> & { label: string }) {
  return <Controller control={control} name={name} render={({ field }) => <Switch label={label} checked={field.value as boolean} onChange={(e) => field.onChange(e.currentTarget.checked)} />} />;
}

/** A whole number held as a number, '' when empty. */
export function NumberField<T extends FieldValues, O>({
  control,
  name,
  alsoErrorOf,
  ...props
}: FieldProps<T, O> & Omit<NumberInputProps, 'name' | 'error' | 'value' | 'onChange'> & { alsoErrorOf?: FieldPath<T> }) {
  return <ControlledWholeNumber {...props} control={control} name={name} error={useError(control, name, alsoErrorOf)} />;
}

/** A problem of a whole list of rows (`lines_above_total`), above them. */
export function RowsError<T extends FieldValues, O>({ control, name }: FieldProps<T, O>) {
  const fieldError = useGrantsFieldError();
  const { errors } = useFormState({ control, name });
  const rows = get(errors, name) as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = fieldError(rows?.root ?? rows);
  if (!message) return null;
  return (
    <Text c="red" size="sm" role="alert">
      {message}
    </Text>
  );
}
