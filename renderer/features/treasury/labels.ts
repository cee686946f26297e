import { useTranslation } from 'react-i18next';
import type { Category } from '../../../electron/contract';

/** A category's label in the UI language. */
export function useCategoryLabel() {
  const { i18n } = useTranslation();
  return (c: Pick<Category, 'labelFr' | 'labelAr' | 'labelEn'>): string => (i18n.language === 'ar' ? c.labelAr : i18n.language === 'en' ? c.labelEn : c.labelFr);
}
