import { Controller, get, useFormState, type Control, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useFieldError } from '../forms';
import { DayInput, type DayInputProps } from './DayInput';

interface DateFieldProps<T extends FieldValues, O> extends Omit<DayInputProps, 'value' | 'onChange' | 'onBlur' | 'name' | 'error' | 'form'> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  error: string | undefined;
  /** An optional day the contract takes as null when left empty. */
  nullable?: boolean;
  onDayChange?: (value: string) => void;
}

/** A form's day: `YYYY-MM-DD` in the form's values, typed `dd/mm/yyyy` or picked on screen. */
export function DateField<T extends FieldValues, O>({ control, name, error, nullable, onDayChange, ...props }: DateFieldProps<T, O>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DayInput
          {...props}
          name={field.name}
          ref={field.ref}
          value={field.value as string | null}
          onChange={(value) => {
            field.onChange(nullable && value === '' ? null : value);
            onDayChange?.(value);
          }}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}

interface FormDateFieldProps<T extends FieldValues, O> extends Omit<DateFieldProps<T, O>, 'control' | 'error'> {
  form: UseFormReturn<T, unknown, O>;
}

/** A form's day showing its own error translated the app's common way (as `TextField` in ui/fields). */
export function FormDateField<T extends FieldValues, O>({ form, name, ...props }: FormDateFieldProps<T, O>) {
  const fieldError = useFieldError();
  const { errors } = useFormState({ control: form.control, name, exact: true });
  return <DateField {...props} control={form.control} name={name} error={fieldError(get(errors, name) as { message?: string } | undefined)} />;
}
