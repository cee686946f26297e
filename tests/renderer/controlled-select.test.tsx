import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { theme } from '../../renderer/app/theme';
import { ControlledSelect } from '../../renderer/ui/form/controlledInputs';

function Form({ required }: { required: boolean }) {
  const { control } = useForm<{ account: string }>({ defaultValues: { account: '' } });
  return (
    <ControlledSelect
      control={control}
      name="account"
      error={undefined}
      label="Compte"
      required={required}
      data={[
        { value: 'cash', label: 'Caisse' },
        { value: 'bank', label: 'Banque' },
      ]}
    />
  );
}

async function chooseTwice(required: boolean): Promise<string> {
  render(
    <MantineProvider theme={theme} env="test">
      <Form required={required} />
    </MantineProvider>,
  );
  const user = userEvent.setup();
  const box = screen.getByRole('combobox', { name: /Compte/ });
  await user.click(box);
  await user.click(await screen.findByRole('option', { name: 'Banque' }));
  await user.click(box);
  await user.click(await screen.findByRole('option', { name: 'Banque' }));
  return (box as HTMLInputElement).value;
}

describe('a choice in a form', () => {
  it('stays chosen when the same option is clicked again, when the field needs one', async () => {
    expect(await chooseTwice(true)).toBe('Banque');
  });

  it('can be emptied that way when the field is optional', async () => {
    expect(await chooseTwice(false)).toBe('');
  });
});
