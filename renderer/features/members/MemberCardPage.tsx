import { Anchor, Button, Group, Loader, NumberInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOp } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { MemberCardDocument, MemberCardPrint } from '../../print/MemberCard';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPrinter } from '../../ui/icons';
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
        <Button leftSection={<IconPrinter width={18} height={18} />} onClick={() => window.print()}>
          {t('members.card.print')}
        </Button>
      </Group>
      <MemberCardDocument member={member} associationName={associationName} year={year} preview />
      <MemberCardPrint member={member} associationName={associationName} year={year} />
    </Stack>
  );
}
