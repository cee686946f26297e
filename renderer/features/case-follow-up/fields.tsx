import {
  Checkbox,
  NativeSelect,
  Textarea,
  type CheckboxProps,
  type NativeSelectProps,
  type TextareaProps,
} from '@mantine/core';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { DateField as SharedDateField } from '../../ui/dates/DateField';
import type { DayInputProps } from '../../ui/dates/DayInput';
import { useFieldError } from '../../ui/forms';

interface FieldProps<T extends FieldValues, O extends FieldValues> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
}

function useError<T extends FieldValues, O extends FieldValues>({ form, name }: FieldProps<T, O>) {
  const fieldError = useFieldError();
  return fieldError(form.getFieldState(name, form.formState).error);
}

/** A native select (keyboard friendly, typed search by first letter) registered in the form. */
export function SelectField<T extends FieldValues, O extends FieldValues>({
  form,
  name,
  nullable,
  ...props
}: FieldProps<T, O> & Omit<NativeSelectProps, 'form' | 'name' | 'error'> & { nullable?: boolean }) {
  const error = useError({ form, name });
  const rules = nullable ? { setValueAs: (v: string) => (v === '' ? null : v) } : undefined;
  return <NativeSelect {...props} {...form.register(name, rules)} error={error} />;
}

/** A plain textarea the person can enlarge (Mantine's autosize needs font events jsdom lacks). */
export function TextareaField<T extends FieldValues, O extends FieldValues>({
  form,
  name,
  rows = 3,
  ...props
}: FieldProps<T, O> & Omit<TextareaProps, 'form' | 'name' | 'error' | 'autosize'>) {
  const error = useError({ form, name });
  return <Textarea rows={rows} resize="vertical" {...props} {...form.register(name)} error={error} />;
}

/** A day typed dd/mm/yyyy or picked (`YYYY-MM-DD` in the form); an optional one is null when left empty. */
export function DateField<T extends FieldValues, O extends FieldValues>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<DayInputProps, 'form' | 'name' | 'error' | 'value' | 'onChange'> & { nullable?: boolean }) {
  return <SharedDateField {...props} control={form.control} name={name} error={useError({ form, name })} />;
}

export function CheckboxField<T extends FieldValues, O extends FieldValues>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<CheckboxProps, 'form' | 'name' | 'error'>) {
  const error = useError({ form, name });
  return <Checkbox {...props} {...form.register(name)} error={error} />;
}
