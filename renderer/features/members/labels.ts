import {
  duesPaymentMethodSchema,
  memberCategorySchema,
  memberRoleSchema,
  memberStatusSchema,
} from '../../../electron/contract';
import { useTranslation } from 'react-i18next';

/** Select options for the members' fixed lists, labelled in the UI language. */
export function useMemberOptions() {
  const { t } = useTranslation();
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return {
    status: options(memberStatusSchema.options, 'members.status'),
    role: options(memberRoleSchema.options, 'members.role'),
    category: options(memberCategorySchema.options, 'members.category'),
    method: options(duesPaymentMethodSchema.options, 'members.method'),
  };
}
