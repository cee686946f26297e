import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from '../../../electron/contract';
import { downloadText } from '../../ui/download';
import { importFieldOfPath, importProblemKey } from './problems';

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

/** Step 4: what was imported, what was refused and why, what needs a human look. */
export function ReportStep({ report, fileName, onAgain }: { report: ImportReport; fileName: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const fieldLabel = (path: string) => {
    const field = importFieldOfPath(path);
    return field ? t(`import.fields.${field}`) : t('import.report.otherField', { path });
  };
  const saveRejected = () => {
    if (!report.rejectedCsv) return;
    const base = fileName.replace(/\.(csv|xlsx)$/i, '');
    downloadText(t('import.report.rejectedFileName', { name: base }), report.rejectedCsv);
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
        <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="import-rejected-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="import-rejected-title">
              {t('import.report.rejectedTitle')}
            </Title>
            <Text size="sm">{t('import.report.rejectedHint')}</Text>
            {report.rejectedCsv && (
              <Group>
                <Button onClick={saveRejected}>{t('import.report.download')}</Button>
              </Group>
            )}
            <Table.ScrollContainer minWidth={480}>
              <Table striped verticalSpacing="xs" aria-labelledby="import-rejected-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={100}>{t('import.report.line')}</Table.Th>
                    <Table.Th>{t('import.report.reasons')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rejected.slice(0, MAX_LISTED).map((problem) => (
                    <Table.Tr key={problem.row}>
                      <Table.Td>{problem.row}</Table.Td>
                      <Table.Td>
                        <List size="sm" spacing={2}>
                          {Object.entries(problem.reasons).map(([path, code]) => (
                            <List.Item key={path}>
                              {t('import.report.reason', { field: fieldLabel(path), reason: t(importProblemKey(code)) })}
                            </List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {report.rejected.length > MAX_LISTED && (
              <Text size="sm" c="dimmed">
                {t('import.report.moreRejected', { shown: MAX_LISTED, total: report.rejected.length })}
              </Text>
            )}
          </Stack>
        </Paper>
      )}

      {report.toReview.length > 0 && (
        <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="import-review-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="import-review-title">
              {t('import.report.toReviewTitle')}
            </Title>
            <Text size="sm">{t('import.report.toReviewHint')}</Text>
            <Table.ScrollContainer minWidth={480}>
              <Table striped verticalSpacing="xs" aria-labelledby="import-review-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={100}>{t('import.report.line')}</Table.Th>
                    <Table.Th>{t('import.report.existing')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.toReview.map((item) => (
                    <Table.Tr key={item.row}>
                      <Table.Td>{item.row}</Table.Td>
                      <Table.Td>
                        <Group gap="md">
                          {item.candidates.map((candidate) => (
                            <Anchor key={candidate.id} component={Link} to={`/beneficiaries/${candidate.id}`}>
                              {t('import.report.candidate', { reference: candidate.reference, name: candidate.displayName })}
                            </Anchor>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Paper>
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
