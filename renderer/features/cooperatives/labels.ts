import { useTranslation } from 'react-i18next';
import { cooperativeSectorSchema, revenueBandSchema, stepStatusSchema } from '../../../electron/contract';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

/** A step's label in the UI language: steps carry their own labels (copied from the template). */
export function useStepLabel(): (labels: { fr: string; ar: string; en: string }) => string {
  const { i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'fr') as 'fr' | 'ar' | 'en';
  return (labels) => labels[lang] ?? labels.fr;
}

export function useCooperativeOptions() {
  const { t } = useTranslation();
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return {
    sector: options(cooperativeSectorSchema.options, 'core:areas.sector'),
    stepStatus: options(stepStatusSchema.options, 'cooperatives.stepStatus'),
    revenueBand: options(revenueBandSchema.options, 'cooperatives.revenueBand'),
  };
}
