import { Anchor, Group, Loader, NumberInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOp } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { MemberCardDocument, MemberCardPrint } from '../../print/MemberCard';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PrintButtons } from '../activities/PrintButtons';
import { memberPath } from './paths';

export function MemberCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useOp('members.get', { id });
  const associationName = useAppStatus().data?.session?.association.name ?? '';
  const [year, setYear] = useState(new Date().getFullYear());
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const { member } = detail.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={memberPath(id)} size="sm">
        {t('members.receipt.back', { name: `${member.firstName} ${member.lastName}` })}
      </Anchor>
      <Title order={1}>{t('members.card.pageTitle')}</Title>
      <Group align="flex-end">
        <NumberInput
          label={t('members.card.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={1990}
          max={2100}
          allowDecimal={false}
          w={140}
        />
        <PrintButtons fileName={`carte-${member.number}-${year}.pdf`} />
      </Group>
      <MemberCardDocument member={member} associationName={associationName} year={year} preview />
      <MemberCardPrint member={member} associationName={associationName} year={year} />
    </Stack>
  );
}
