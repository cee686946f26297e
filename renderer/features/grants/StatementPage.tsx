import { Anchor, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOp } from '../../app/ops';
import { SubGrantStatementDocument, SubGrantStatementPrint } from '../../print/SubGrantStatement';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPrinter } from '../../ui/icons';
import { subGrantPath } from './paths';

/** The printable statement of a sub-grant: preview, then print (or save as PDF). */
export function StatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const statement = useOp('grants.statement', { subGrantId: id });
  if (statement.isPending) return <Loader />;
  if (statement.error) return <OpErrorAlert error={statement.error} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={subGrantPath(id)} size="sm">
        {t('grants.statement.back', { reference: statement.data.subGrant.reference })}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{t('grants.statement.title')}</Title>
        <Button leftSection={<IconPrinter width={18} height={18} />} onClick={() => window.print()}>
          {t('grants.statement.print')}
        </Button>
      </Group>
      <SubGrantStatementDocument statement={statement.data} preview />
      <SubGrantStatementPrint statement={statement.data} />
    </Stack>
  );
}
