import { NumberInput, Select, type NumberInputProps, type SelectProps } from '@mantine/core';
import { Controller, get, useFormState, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

/** Each area translates its own contract's codes; the wiring around the input is the same. */
export type FieldErrorTranslator = (error: { message?: string } | undefined) => string | undefined;

/**
 * The translated error of one field, following only that field (useFormState by name), so a long
 * form does not re-render whole on every key. `alsoOf`: another path whose problem this input shows.
 */
export function useOwnFieldError<T extends FieldValues, O>(
  control: Control<T, unknown, O>,
  name: FieldPath<T>,
  translate: FieldErrorTranslator,
  alsoOf?: FieldPath<T>,
): string | undefined {
  const { errors } = useFormState({ control, name: alsoOf ? [name, alsoOf] : name, exact: true });
  return translate((get(errors, name) ?? (alsoOf && get(errors, alsoOf))) as { message?: string } | undefined);
}

interface ControlledProps<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  error: string | undefined;
}

/** A choice held as a string, '' when none. */
export function ControlledSelect<T extends FieldValues, O>({
  control,
  name,
  error,
  ...props
}: ControlledProps<T, O> & Omit<SelectProps, 'form' | 'name' | 'error' | 'value' | 'onChange'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Select
          // Choosing again the option already chosen must not empty a field that needs one.
          allowDeselect={!props.required}
          {...props}
          name={field.name}
          ref={field.ref}
          value={(field.value as string) || null}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}

/** A whole number held as a number, '' when empty. */
export function ControlledWholeNumber<T extends FieldValues, O>({
  control,
  name,
  error,
  ...props
}: ControlledProps<T, O> & Omit<NumberInputProps, 'form' | 'name' | 'error' | 'value' | 'onChange'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          allowDecimal={false}
          {...props}
          name={field.name}
          ref={field.ref}
          value={field.value as number | ''}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : '')}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}
