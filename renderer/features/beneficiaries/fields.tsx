import {
  MultiSelect,
  Textarea,
  TextInput,
  type MultiSelectProps,
  type NumberInputProps,
  type SelectProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { Controller, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { DateField as SharedDateField } from '../../ui/dates/DateField';
import type { DayInputProps } from '../../ui/dates/DayInput';
import { ControlledSelect, ControlledWholeNumber, useOwnFieldError } from '../../ui/form/controlledInputs';
import { useBeneficiaryFieldError } from './format';

// The same wrappers as ui/fields.tsx, with the messages of the beneficiary contract (`invalid_phone`,
// `date_in_future`, the core's `not_in_list`…) translated next to the field. Each field follows its
// own error (useFormState by name), so a long form does not re-render whole on every key once
// it revalidates as the person types.

interface FieldProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: FieldPath<T>;
}

export function useError<T extends FieldValues, O>({ form, name }: FieldProps<T, O>): string | undefined {
  return useOwnFieldError(form.control, name, useBeneficiaryFieldError());
}

export function TextField<T extends FieldValues, O>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<TextInputProps, 'form' | 'name' | 'error'>) {
  const error = useError({ form, name });
  return <TextInput {...props} {...form.register(name)} error={error} />;
}

export function TextAreaField<T extends FieldValues, O>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<TextareaProps, 'form' | 'name' | 'error'>) {
  const error = useError({ form, name });
  return <Textarea {...props} {...form.register(name)} error={error} />;
}

/** A day typed dd/mm/yyyy or picked; the form holds `YYYY-MM-DD`. */
export function DateField<T extends FieldValues, O>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<DayInputProps, 'form' | 'name' | 'error' | 'value' | 'onChange'> & { onDayChange?: (value: string) => void }) {
  return <SharedDateField {...props} control={form.control} name={name} error={useError({ form, name })} />;
}

export function SelectField<T extends FieldValues, O>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<SelectProps, 'form' | 'name' | 'error' | 'value' | 'onChange'>) {
  return <ControlledSelect {...props} control={form.control} name={name} error={useError({ form, name })} />;
}

export function MultiSelectField<T extends FieldValues, O>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<MultiSelectProps, 'form' | 'name' | 'error' | 'value' | 'onChange'>) {
  const error = useError({ form, name });
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <MultiSelect
          {...props}
          name={field.name}
          ref={field.ref}
          value={field.value as string[]}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}

export function NumberField<T extends FieldValues, O>({
  form,
  name,
  ...props
}: FieldProps<T, O> & Omit<NumberInputProps, 'form' | 'name' | 'error' | 'value' | 'onChange'>) {
  return <ControlledWholeNumber {...props} control={form.control} name={name} error={useError({ form, name })} />;
}
