import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rejectedFileText, type ImportProblem, type ImportReport } from '../../../electron/contract';
import { downloadText } from '../../ui/download';
import { encodeText } from './encodeText';
import { importFieldOfPath, importReasonText } from './problems';

/** Beyond this, the rejected rows are in the downloadable file only. */
const MAX_LISTED = 200;

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz={28} fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

/** One part of the report: the sheet's lines it concerns, each with what is said of it. */
function RowsSection({
  id,
  title,
  hint,
  column,
  rows,
  above,
  below,
}: {
  id: string;
  title: string;
  hint: string;
  column: string;
  rows: { row: number; cell: ReactNode }[];
  above?: ReactNode;
  below?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Text size="sm">{hint}</Text>
        {above}
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing="xs" aria-labelledby={id}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>{t('import.report.line')}</Table.Th>
                <Table.Th>{column}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ row, cell }) => (
                <Table.Tr key={row}>
                  <Table.Td>{row}</Table.Td>
                  <Table.Td>{cell}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {below}
      </Stack>
    </Paper>
  );
}

/** Step 4: what was imported, what was refused and why, what needs a human look. */
export function ReportStep({ report, fileName, onAgain }: { report: ImportReport; fileName: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const fieldLabel = (path: string) => {
    const field = importFieldOfPath(path);
    return field ? t(`import.fields.${field}`) : t('import.report.otherField', { path });
  };
  const reasonsOf = (problem: ImportProblem) =>
    Object.entries(problem.reasons).map(([path, reason]) => t('import.report.reason', { field: fieldLabel(path), reason: importReasonText(t, reason) }));
  const saveRejected = () => {
    const sheet = report.rejectedSheet;
    if (!sheet) return;
    const base = fileName.replace(/\.(csv|xlsx)$/i, '');
    const text = rejectedFileText(sheet, t('import.report.reasonColumn'), report.rejected.map((problem) => reasonsOf(problem).join(' ; ')));
    downloadText(t('import.report.rejectedFileName', { name: base }), encodeText(text, sheet.encoding), 'text/csv');
  };

  return (
    <Stack gap="lg">
      <Alert color={report.imported > 0 ? 'green' : 'orange'} variant="light" title={t('import.report.title')}>
        {report.imported > 0 ? t('import.report.done') : t('import.report.nothing')}
      </Alert>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="md" m={0}>
        <Stat label={t('import.report.imported')} value={report.imported} color="green.8" />
        <Stat label={t('import.report.pseudonymous')} value={report.pseudonymous} />
        <Stat label={t('import.report.rejectedCount')} value={report.rejected.length} color={report.rejected.length ? 'red.8' : undefined} />
        <Stat label={t('import.report.toReviewCount')} value={report.toReview.length} color={report.toReview.length ? 'orange.8' : undefined} />
      </SimpleGrid>
      {report.pseudonymous > 0 && (
        <Text size="sm" c="dimmed">
          {t('import.report.pseudonymousHint')}
        </Text>
      )}

      {report.rejected.length > 0 && (
        <RowsSection
          id="import-rejected-title"
          title={t('import.report.rejectedTitle')}
          hint={t('import.report.rejectedHint')}
          column={t('import.report.reasons')}
          rows={report.rejected.slice(0, MAX_LISTED).map((problem) => ({
            row: problem.row,
            cell: (
              <List size="sm" spacing={2}>
                {reasonsOf(problem).map((text) => (
                  <List.Item key={text}>{text}</List.Item>
                ))}
              </List>
            ),
          }))}
          above={
            report.rejectedSheet && (
              <Group>
                <Button onClick={saveRejected}>{t('import.report.download')}</Button>
              </Group>
            )
          }
          below={
            report.rejected.length > MAX_LISTED && (
              <Text size="sm" c="dimmed">
                {t('import.report.moreRejected', { shown: MAX_LISTED, total: report.rejected.length })}
              </Text>
            )
          }
        />
      )}

      {report.toReview.length > 0 && (
        <RowsSection
          id="import-review-title"
          title={t('import.report.toReviewTitle')}
          hint={t('import.report.toReviewHint')}
          column={t('import.report.existing')}
          rows={report.toReview.map((item) => ({
            row: item.row,
            cell: (
              <Group gap="md">
                {item.sameFileRows.map((row) => (
                  <Text key={row} size="sm">
                    {t('import.report.sameFileRow', { row })}
                  </Text>
                ))}
                {item.candidates.map((candidate) => (
                  <Anchor key={candidate.id} component={Link} to={`/beneficiaries/${candidate.id}`}>
                    {t('import.report.candidate', { reference: candidate.reference, name: candidate.displayName })}
                  </Anchor>
                ))}
              </Group>
            ),
          }))}
        />
      )}

      {report.skipped.length > 0 && (
        <RowsSection
          id="import-skipped-title"
          title={t('import.report.skippedTitle')}
          hint={t('import.report.skippedHint')}
          column={t('import.report.content')}
          rows={report.skipped.map((line) => ({ row: line.row, cell: <span dir="auto">{line.text}</span> }))}
        />
      )}

      <Group>
        <Button variant="default" onClick={onAgain}>
          {t('import.report.again')}
        </Button>
        <Anchor component={Link} to="/beneficiaries">
          {t('import.report.toList')}
        </Anchor>
      </Group>
    </Stack>
  );
}
