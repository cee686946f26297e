import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from './icons';

/** The app's search box: a search field with the magnifier, reporting the text typed. */
export function SearchInput({ value, onSearchChange, ...props }: Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'leftSection'> & { value: string; onSearchChange: (text: string) => void }) {
  return <TextInput {...props} type="search" leftSection={<IconSearch width={18} height={18} />} value={value} onChange={(event) => onSearchChange(event.currentTarget.value)} />;
}
