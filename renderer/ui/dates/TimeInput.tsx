import '@mantine/dates/styles.css';
import { TimePicker, type TimePickerProps } from '@mantine/dates';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface TimeInputProps extends Omit<TimePickerProps, 'value' | 'onChange' | 'format' | 'withSeconds' | 'label'> {
  label: string;
  /** `HH:mm`, '' when empty. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A time of day on the 24-hour clock in every language, whatever the operating system's locale.
 * Its hours and minutes boxes are named after the field, so a screen reader says which time they set.
 */
export const TimeInput = forwardRef<HTMLDivElement, TimeInputProps>(function TimeInput({ value, onChange, label, ...props }, ref) {
  const { t } = useTranslation();
  return (
    <TimePicker
      {...props}
      ref={ref}
      label={label}
      hoursInputLabel={t('dates.hoursOf', { field: label })}
      minutesInputLabel={t('dates.minutesOf', { field: label })}
      format="24h"
      value={value}
      onChange={onChange}
    />
  );
});
