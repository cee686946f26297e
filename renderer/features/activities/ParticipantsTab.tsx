import { Alert, Badge, Button, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryRow, MemberRow, RegistrationOutcome, RepeatCheck } from '../../../electron/contract';
import { call, OpFailure, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ExportButton } from '../reports/ExportButton';
import { useActivityLabels } from './labels';
import { MemberRegistrationForm } from './MemberRegistrationForm';
import { PersonSearch } from './PersonSearch';
import { ActivityCertificateButton, ActivityGroupCertificates } from './cycles/ActivityCertificates';
import { WalkInBadge } from './WalkInBadge';
import { RepeatAlert } from './RepeatAlert';
import { WalkInForm } from './WalkInForm';

export function ParticipantsTab({ activityId, onChanged }: { activityId: string; onChanged: () => unknown }) {
  const { t } = useTranslation();
  const lookups = useActivityLabels();
  const list = useOp('registrations.list', { activityId });
  const [pending, setPending] = useState<{ name: string; check: RepeatCheck; confirm: () => void } | null>(null);
  const [memberToRecord, setMemberToRecord] = useState<MemberRow | null>(null);
  const [checkError, setCheckError] = useState<OpFailure | null>(null);
  const [outcome, setOutcome] = useState<RegistrationOutcome | null>(null);
  const add = useOpMutation('registrations.add', {
    onSuccess: (result) => {
      setOutcome(result);
      setPending(null);
      void onChanged();
    },
  });
  const addMember = useOpMutation('registrations.addMember', {
    onSuccess: (result) => {
      setOutcome(result.outcome);
      setPending(null);
      setMemberToRecord(null);
      void list.refetch();
      void onChanged();
    },
  });
  const remove = useOpMutation('registrations.remove', { onSuccess: () => void onChanged() });

  /** Asks first whether the person already attended this theme often; registers at once if not. */
  const withRepeatCheck = async (beneficiaryId: string, name: string, register: () => void) => {
    setCheckError(null);
    setOutcome(null);
    try {
      const check = await call('activities.repeatCheck', { activityId, beneficiaryId });
      if (check.alert) setPending({ name, check, confirm: register });
      else register();
    } catch (error) {
      if (error instanceof OpFailure) setCheckError(error);
      else throw error;
    }
  };
  /** Someone found by the search, or the existing record a walk-in turned out to be. */
  const pick = (person: Pick<BeneficiaryRow, 'id' | 'displayName'>) =>
    withRepeatCheck(person.id, person.displayName, () => add.mutate({ activityId, beneficiaryIds: [person.id] }));
  /** A member with a beneficiary record registers it; one without gets a record made first (details asked). */
  const pickMember = (member: MemberRow) => {
    addMember.reset();
    if (member.beneficiaryId) {
      void withRepeatCheck(member.beneficiaryId, `${member.firstName} ${member.lastName}`, () => addMember.mutate({ activityId, memberId: member.id }));
    } else {
      setOutcome(null);
      setMemberToRecord(member);
    }
  };

  if (list.isPending) return <Loader />;
  if (list.error) return <OpErrorAlert error={list.error} />;
  const data = list.data;
  const registered = new Set(data.rows.map((r) => r.beneficiaryId));
  const over = data.plannedParticipants !== null && data.rows.length > data.plannedParticipants;

  return (
    <Stack gap="md">
      <Text size="sm">
        {data.plannedParticipants
          ? t('activities.participants.countPlanned', { count: data.rows.length, planned: data.plannedParticipants })
          : t('activities.participants.count', { count: data.rows.length })}
      </Text>
      {(over || outcome?.overPlanned) && (
        <Alert color="orange" variant="light">
          {t('activities.participants.overPlanned', { count: outcome?.registeredCount ?? data.rows.length, planned: data.plannedParticipants ?? 0 })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={3} mb="xs">
          {t('activities.participants.add')}
        </Title>
        <PersonSearch onPick={(p) => void pick(p)} onPickMember={pickMember} exclude={registered} pickLabel={t('activities.participants.register')} />
      </Paper>
      {memberToRecord && (
        <MemberRegistrationForm
          key={memberToRecord.id}
          member={memberToRecord}
          busy={addMember.isPending}
          error={addMember.error}
          onSubmit={(details) => addMember.mutate({ activityId, memberId: memberToRecord.id, details })}
          onCancel={() => setMemberToRecord(null)}
        />
      )}
      <WalkInForm
        activityId={activityId}
        onDone={(result) => {
          setOutcome(result.outcome);
          void list.refetch();
          void onChanged();
        }}
        onPickExisting={(candidate) => void pick(candidate)}
      />
      <OpErrorAlert error={checkError ?? add.error ?? remove.error ?? (memberToRecord ? null : addMember.error)} />
      <ExportButton list="participants" filters={{ activityId }} />
      <ActivityGroupCertificates activityId={activityId} rows={data.rows} />
      {pending && (
        <RepeatAlert
          name={pending.name}
          check={pending.check}
          busy={add.isPending || addMember.isPending}
          onConfirm={pending.confirm}
          onCancel={() => setPending(null)}
        />
      )}
      {outcome && outcome.added.length > 0 && !outcome.overPlanned && (
        <Text size="sm" c="green.8" role="status">
          {t('activities.participants.added', { count: outcome.added.length })}
        </Text>
      )}
      {data.rows.length === 0 ? (
        <Text c="dimmed">{t('activities.participants.none')}</Text>
      ) : (
        <Table striped aria-label={t('activities.participants.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activities.participants.order')}</Table.Th>
              <Table.Th>{t('activities.participants.name')}</Table.Th>
              <Table.Th>{t('activities.participants.category')}</Table.Th>
              <Table.Th>{t('activities.participants.presences')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.beneficiaryId}>
                <Table.Td>{r.sheetOrder}</Table.Td>
                <Table.Td>
                  {r.displayName}
                  {r.arabicName && (
                    <Text span c="dimmed" size="sm" dir="rtl" lang="ar">
                      {` ${r.arabicName}`}
                    </Text>
                  )}{' '}
                  {r.walkIn && <WalkInBadge sex={r.sex} />}
                </Table.Td>
                <Table.Td>{lookups.category(r.category)}</Table.Td>
                <Table.Td>
                  {t('activities.participants.presentOf', { count: r.presentCount, held: data.sessionsHeld })}{' '}
                  {r.completed && (
                    <Badge size="xs" color="green">
                      {t('activities.participants.completed')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <ActivityCertificateButton activityId={activityId} row={r} />
                  {r.presentCount === 0 && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate({ activityId, beneficiaryId: r.beneficiaryId })}>
                      {t('activities.participants.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
