import '@mantine/dates/styles.css';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconCalendar } from '../icons';
import { useDayjsLocale } from './locale';
import { parseTypedDate, typedFromValue } from './typed-date';

export interface DayInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type'> {
  /** `YYYY-MM-DD`, '' when empty, or the text typed when it is not a day. */
  value: string | null | undefined;
  onChange: (value: string) => void;
  /** The last day the calendar offers (`YYYY-MM-DD`); a later day typed is for the schema to refuse. */
  maxDate?: string;
}

/**
 * A day typed `dd/mm/yyyy` or picked from a calendar in the UI language, whatever the operating
 * system's locale. Text that is not a real day (30/02, month 13) stays as typed, is handed on as
 * typed so a schema refuses it, and is named at the field once the person leaves it.
 */
export const DayInput = forwardRef<HTMLInputElement, DayInputProps>(function DayInput({ value, onChange, onBlur, error, maxDate, ...props }, ref) {
  const { t } = useTranslation();
  const locale = useDayjsLocale();
  const current = value ?? '';
  const [shown, setShown] = useState({ value: current, text: typedFromValue(current) });
  const [left, setLeft] = useState(false);
  const [picking, setPicking] = useState(false);

  let text = shown.text;
  if (shown.value !== current) {
    text = typedFromValue(current);
    setShown({ value: current, text });
  }

  const day = parseTypedDate(text);
  const impossible = text.trim() !== '' && day === null;

  const emit = (next: string, typed: string) => {
    setShown({ value: next, text: typed });
    onChange(next);
  };

  const picker = (
    <Popover opened={picking} onChange={setPicking} position="bottom-end" shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('dates.pick')} onClick={() => setPicking((open) => !open)} disabled={props.disabled || props.readOnly}>
          <IconCalendar width={18} height={18} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          locale={locale}
          firstDayOfWeek={1}
          maxDate={maxDate}
          value={day}
          defaultDate={day ?? undefined}
          onChange={(picked) => {
            if (picked) emit(picked, typedFromValue(picked));
            setPicking(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <TextInput
      placeholder={t('dates.placeholder')}
      autoComplete="off"
      {...props}
      ref={ref}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setLeft(false);
        emit(typed.trim() === '' ? '' : (parseTypedDate(typed) ?? typed), typed);
      }}
      onBlur={(event) => {
        setLeft(true);
        onBlur?.(event);
      }}
      rightSection={picker}
      error={impossible && (left || error) ? t('validation.invalid_date') : error}
    />
  );
});
