import { Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOp } from '../../app/ops';
import { DuesReceiptDocument, DuesReceiptPrint } from '../../print/DuesReceipt';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PrintButtons } from '../activities/PrintButtons';
import { memberPath } from './paths';

/** A payment's receipt: preview, then print (or save as PDF from the print dialog). */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { paymentId = '' } = useParams();
  const receipt = useOp('dues.receipt', { paymentId });
  if (receipt.isPending) return <Loader />;
  if (receipt.error) return <OpErrorAlert error={receipt.error} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={memberPath(receipt.data.member.id)} size="sm">
        {t('members.receipt.back', { name: `${receipt.data.member.firstName} ${receipt.data.member.lastName}` })}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{t('members.receipt.pageTitle', { number: receipt.data.payment.receiptNumber })}</Title>
        <PrintButtons fileName={`${receipt.data.payment.receiptNumber}.pdf`} />
      </Group>
      <DuesReceiptDocument receipt={receipt.data} preview />
      <DuesReceiptPrint receipt={receipt.data} />
    </Stack>
  );
}
