import { useWatch, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../electron/contract';
import { PasswordField } from './fields';
import { PasswordStrength } from './PasswordStrength';

/** A new password with its strength meter, then the same typed again (see withConfirmation). */
export function NewPasswordFields<T extends FieldValues & { newPassword: string; confirmPassword: string }, O extends FieldValues>({
  form,
}: {
  form: UseFormReturn<T, unknown, O>;
}) {
  const { t } = useTranslation();
  const newPassword = useWatch({ control: form.control, name: 'newPassword' as Path<T> }) as string;
  return (
    <>
      <PasswordField
        form={form}
        name={'newPassword' as Path<T>}
        label={t('password.new')}
        description={t('password.help', { min: PASSWORD_MIN_LENGTH })}
        withAsterisk
      />
      <PasswordStrength password={newPassword} />
      <PasswordField form={form} name={'confirmPassword' as Path<T>} label={t('password.confirm')} withAsterisk />
    </>
  );
}
