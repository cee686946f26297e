import { NumberInput } from '@mantine/core';

/** The year whose dues a page shows; clearing the input keeps the last year typed. */
export function DuesYearInput({ label, year, onYearChange }: { label: string; year: number; onYearChange: (year: number) => void }) {
  return (
    <NumberInput
      label={label}
      value={year}
      onChange={(v) => typeof v === 'number' && onYearChange(v)}
      min={1990}
      max={2100}
      allowDecimal={false}
      w={120}
    />
  );
}
