import { PasswordInput, TextInput, type PasswordInputProps, type TextInputProps } from '@mantine/core';
import type { FieldValues, Path, RegisterOptions, UseFormReturn } from 'react-hook-form';
import { useFieldError } from './forms';

interface FieldProps<T extends FieldValues, O extends FieldValues> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  rules?: RegisterOptions<T, Path<T>>;
}

/** A registered input showing its own translated error: forms list fields, not wiring. */
export function TextField<T extends FieldValues, O extends FieldValues>({
  form,
  name,
  rules,
  ...props
}: FieldProps<T, O> & Omit<TextInputProps, 'form' | 'name' | 'error'>) {
  const fieldError = useFieldError();
  return <TextInput {...props} {...form.register(name, rules)} error={fieldError(form.getFieldState(name, form.formState).error)} />;
}

export function PasswordField<T extends FieldValues, O extends FieldValues>({
  form,
  name,
  rules,
  ...props
}: FieldProps<T, O> & Omit<PasswordInputProps, 'form' | 'name' | 'error'>) {
  const fieldError = useFieldError();
  return (
    <PasswordInput {...props} {...form.register(name, rules)} error={fieldError(form.getFieldState(name, form.formState).error)} />
  );
}
