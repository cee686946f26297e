import { Anchor, Checkbox, Group, Loader, NumberInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOp } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { AttendanceSheetDocument, AttendanceSheetPrint, type AttendanceSheetProps } from '../../print/AttendanceSheet';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCountryName } from '../beneficiaries/countries';
import { useActivityLabels } from './labels';
import { activityPath, attendanceFromSheetPath } from './paths';
import { PrintButtons } from './PrintButtons';

/** The printable sheet of a session: choose the blank rows and the phone column, preview, print. */
export function SheetPage() {
  const { t } = useTranslation();
  const { id = '', sessionId = '' } = useParams();
  const sheet = useOp('attendance.get', { sessionId });
  const logos = useOp('logos.list', {});
  const status = useAppStatus();
  const lookups = useActivityLabels();
  const country = useCountryName();
  const [blankRows, setBlankRows] = useState<number | ''>(5);
  const [showPhone, setShowPhone] = useState(false);
  const [blankSheet, setBlankSheet] = useState(false);

  if (sheet.isPending || logos.isPending) return <Loader />;
  if (sheet.error) return <OpErrorAlert error={sheet.error} />;
  const props: AttendanceSheetProps = {
    sheet: blankSheet ? { ...sheet.data, rows: [] } : sheet.data,
    associationName: status.data?.session?.association.name ?? '',
    blankRows: blankRows === '' ? 0 : blankRows,
    showPhone,
    logos: logos.data,
    label: { theme: lookups.theme, category: lookups.category, country },
  };

  return (
    <Stack gap="md">
      <Group gap="md">
        <Anchor component={Link} to={activityPath(id)} size="sm">
          {t('activities.attendance.back', { reference: sheet.data.activity.reference })}
        </Anchor>
        <Anchor component={Link} to={attendanceFromSheetPath(id, sessionId)} size="sm">
          {t('activities.sheet.enterFromSheet')}
        </Anchor>
      </Group>
      <Title order={1}>{t('activities.sheet.pageTitle')}</Title>
      <Group align="flex-end">
        <NumberInput
          label={t('activities.sheet.blankRows')}
          min={0}
          max={100}
          allowDecimal={false}
          value={blankRows}
          onChange={(v) => setBlankRows(typeof v === 'number' ? v : '')}
          w={160}
        />
        <Checkbox label={t('activities.sheet.phoneColumn')} checked={showPhone} onChange={(e) => setShowPhone(e.currentTarget.checked)} mb={8} />
        <Checkbox label={t('activities.sheet.blankSheet')} checked={blankSheet} onChange={(e) => setBlankSheet(e.currentTarget.checked)} mb={8} />
        <PrintButtons fileName={t('activities.sheet.fileName', { reference: sheet.data.activity.reference, date: sheet.data.session.date })} />
      </Group>
      <AttendanceSheetDocument {...props} preview />
      <AttendanceSheetPrint {...props} />
    </Stack>
  );
}
