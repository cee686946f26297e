import { useTranslation } from 'react-i18next';
import {
  businessStateSchema,
  contractTypeSchema,
  employmentSectorSchema,
  employmentSituationSchema,
  incomeBandSchema,
  type EmploymentFollowUp,
} from '../../../electron/contract';
import { useAppStatus } from '../../app/session';

/** The choices of the employment forms, in the UI language. */
export function useEmploymentOptions() {
  const { t } = useTranslation();
  const of = (prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return {
    situation: of('employment.situation', employmentSituationSchema.options),
    contract: of('employment.contract', contractTypeSchema.options),
    sector: of('employment.sector', employmentSectorSchema.options),
    income: of('employment.income', incomeBandSchema.options),
    state: of('employment.state', businessStateSchema.options),
  };
}

/** "after the training “Couture”" / "after starting at Boulangerie Al Amal". */
export function useFollowUpCause(): (f: Pick<EmploymentFollowUp, 'anchor'>) => string {
  const { t } = useTranslation();
  return ({ anchor }) => {
    if (anchor.kind === 'training') return t('employment.followUps.afterTraining', { about: anchor.about ?? '' });
    return anchor.about ? t('employment.followUps.afterJob', { about: anchor.about }) : t('employment.followUps.afterJobUnnamed');
  };
}

/** A grant is money: set by those who handle it. */
export function useHandlesMoney(): boolean {
  const role = useAppStatus().data?.session?.user.role;
  return role === 'treasurer' || role === 'president';
}
