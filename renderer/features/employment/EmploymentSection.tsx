import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso, type Business, type EmploymentRecord, type PersonEmployment } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useNumberFormats } from '../../ui/numbers';
import { useDates } from '../case-follow-up/format';
import { BusinessModal, GrantModal, VisitModal } from './BusinessModals';
import { useFollowUpCause, useHandlesMoney } from './labels';
import { SituationModal } from './SituationModal';

/** The record's fields, in the order of the table's columns. */
const RECORD_COLUMNS = ['date', 'situation', 'employer', 'contractType', 'startDate', 'incomeBand'] as const;

type Editing =
  | { kind: 'situation'; record: EmploymentRecord | null }
  | { kind: 'business'; business: Business | null }
  | { kind: 'visit'; business: Business }
  | { kind: 'grant'; business: Business };

/** "Emploi et revenus" on a person's page: the follow-ups to do, the situations recorded, the business they started. */
export function EmploymentSection({ beneficiaryId, editable }: { beneficiaryId: string; editable: boolean }) {
  const { t } = useTranslation();
  const employment = useOp('employment.person', { beneficiaryId });
  const [editing, setEditing] = useState<Editing | null>(null);
  const close = () => setEditing(null);
  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="employment-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="employment-title">
            {t('employment.title')}
          </Title>
          {editable && <Button onClick={() => setEditing({ kind: 'situation', record: null })}>{t('employment.record')}</Button>}
        </Group>
        {employment.isPending ? (
          <Loader role="status" aria-label={t('employment.loading')} />
        ) : employment.error ? (
          <OpErrorAlert error={employment.error} />
        ) : (
          <EmploymentDetails data={employment.data} editable={editable} edit={setEditing} />
        )}
      </Stack>
      {editing?.kind === 'situation' && <SituationModal beneficiaryId={beneficiaryId} record={editing.record} onClose={close} />}
      {editing?.kind === 'business' && <BusinessModal beneficiaryId={beneficiaryId} business={editing.business} onClose={close} />}
      {editing?.kind === 'visit' && <VisitModal business={editing.business} onClose={close} />}
      {editing?.kind === 'grant' && <GrantModal business={editing.business} onClose={close} />}
    </Paper>
  );
}

function EmploymentDetails({ data, editable, edit }: { data: PersonEmployment; editable: boolean; edit: (e: Editing) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const cause = useFollowUpCause();
  const today = todayIso();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t('employment.followUps.title')}
        </Title>
        {data.followUps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('employment.followUps.none')}
          </Text>
        ) : (
          data.followUps.map((f) => (
            <Group key={`${f.anchor.kind}-${f.anchor.date}-${f.months}`} gap="xs">
              <Text size="sm">
                {t('employment.followUps.item', { months: f.months, date: dates.day(f.dueOn) })} · <bdi>{cause(f)}</bdi>
              </Text>
              {f.dueOn < today && (
                <Badge color="red" variant="light" radius="sm">
                  {t('employment.followUps.late')}
                </Badge>
              )}
            </Group>
          ))
        )}
      </Stack>
      <Records records={data.records} editable={editable} edit={edit} />
      <Businesses businesses={data.businesses} editable={editable} edit={edit} />
    </Stack>
  );
}

function Records({ records, editable, edit }: { records: EmploymentRecord[]; editable: boolean; edit: (e: Editing) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const none = t('followUp.none');
  if (records.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('employment.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" aria-labelledby="employment-title">
        <Table.Thead>
          <Table.Tr>
            {RECORD_COLUMNS.map((key) => (
              <Table.Th key={key}>{t(`employment.field.${key}`)}</Table.Th>
            ))}
            {editable && <Table.Th aria-hidden />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{dates.day(r.date)}</Table.Td>
              <Table.Td>{t(`employment.situation.${r.situation}`)}</Table.Td>
              <Table.Td>
                {r.employer ? <bdi>{r.employer}</bdi> : none}
                {r.sector && (
                  <Text size="xs" c="dimmed">
                    {t(`employment.sector.${r.sector}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.contractType ? t(`employment.contract.${r.contractType}`) : none}</Table.Td>
              <Table.Td>{r.startDate ? dates.day(r.startDate) : none}</Table.Td>
              <Table.Td>{r.incomeBand ? t(`employment.income.${r.incomeBand}`) : none}</Table.Td>
              {editable && (
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => edit({ kind: 'situation', record: r })}>
                    {t('employment.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Businesses({ businesses, editable, edit }: { businesses: Business[]; editable: boolean; edit: (e: Editing) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { money } = useNumberFormats();
  const handlesMoney = useHandlesMoney();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('employment.business.title')}
        </Title>
        {editable && (
          <Button size="compact-sm" variant="light" onClick={() => edit({ kind: 'business', business: null })}>
            {t('employment.business.add')}
          </Button>
        )}
      </Group>
      {businesses.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('employment.business.none')}
        </Text>
      )}
      {businesses.map((b) => (
        <Paper key={b.id} withBorder p="sm" radius="md">
          <Stack gap={4}>
            <Text fw={600}>
              <bdi>{b.activity}</bdi>
            </Text>
            <Text size="sm">
              {t(`employment.sector.${b.sector}`)} · {t('employment.business.started', { date: dates.day(b.startDate) })} ·{' '}
              {b.grantMinor ? t('employment.business.grant', { amount: money(b.grantMinor, b.currency) }) : t('employment.business.noGrant')}
            </Text>
            <Text size="sm" fw={600} mt={4}>
              {t('employment.business.visits')}
            </Text>
            {b.visits.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('employment.business.noVisits')}
              </Text>
            ) : (
              b.visits.map((v) => (
                <Text key={v.id} size="sm">
                  {dates.day(v.date)} · {t(`employment.state.${v.state}`)}
                  {v.note && (
                    <>
                      {' · '}
                      <bdi>{v.note}</bdi>
                    </>
                  )}
                </Text>
              ))
            )}
            {editable && (
              <Group gap="xs" mt={4}>
                <Button size="compact-sm" variant="light" onClick={() => edit({ kind: 'visit', business: b })}>
                  {t('employment.business.addVisit')}
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => edit({ kind: 'business', business: b })}>
                  {t('employment.business.edit')}
                </Button>
                {handlesMoney && (
                  <Button size="compact-sm" variant="subtle" onClick={() => edit({ kind: 'grant', business: b })}>
                    {t('employment.business.setGrant')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
