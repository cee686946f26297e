import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseNoteType, ProcedureStatus, ReferralStatus } from '../../../electron/contract';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

const procedureColors: Record<ProcedureStatus, string> = {
  to_start: 'gray',
  in_progress: 'blue',
  waiting_third_party: 'orange',
  completed: 'green',
  abandoned: 'red',
};

const referralColors: Record<ReferralStatus, string> = {
  sent: 'blue',
  received: 'cyan',
  service_given: 'green',
  refused: 'red',
  no_answer: 'gray',
};

const noteColors: Record<CaseNoteType, string> = {
  visit: 'teal',
  call: 'indigo',
  accompaniment: 'grape',
  referral: 'orange',
  other: 'gray',
};

const common: BadgeProps = { variant: 'light', tt: 'none', radius: 'sm' };

export function ProcedureStatusBadge({ status }: { status: ProcedureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge {...common} color={procedureColors[status]}>
      {t(`followUp.procedureStatus.${status}`)}
    </Badge>
  );
}

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge {...common} color={referralColors[status]}>
      {t(`core:referralStatus.${status}`)}
    </Badge>
  );
}

export function NoteTypeBadge({ type }: { type: CaseNoteType }) {
  const { t } = useTranslation();
  return (
    <Badge {...common} color={noteColors[type]}>
      {t(`core:noteType.${type}`)}
    </Badge>
  );
}
