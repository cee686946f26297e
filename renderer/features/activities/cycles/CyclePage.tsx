import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CertificateKind, CycleDetail, CycleModuleProgress, CycleParticipant } from '../../../../electron/contract';
import { useOp, useOpMutation } from '../../../app/ops';
import { useAppStatus } from '../../../app/session';
import { formatDay } from '../../../ui/dates/format-day';
import { OpErrorAlert } from '../../../ui/OpErrorAlert';
import { IconPrinter } from '../../../ui/icons';
import { activityPath } from '../paths';
import { certificatesPath, cyclesPath, editCyclePath } from './paths';

/** A cycle's modules, and each participant's completion of every module and of the cycle. */
export function CyclePage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const detail = useOp('cycles.get', { id: cycleId });
  const status = useAppStatus();
  const isPresident = status.data?.session?.user.role === 'president';
  const queryClient = useQueryClient();
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('cycles.') }) };
  const archive = useOpMutation('cycles.archive', refresh);
  const restore = useOpMutation('cycles.restore', refresh);
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const { cycle, modules, participants, modulesRequired } = detail.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={cyclesPath} size="sm">
        {t('cycles.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{cycle.title}</Title>
        <Group gap="xs">
          <Button component={Link} to={editCyclePath(cycle.id)} variant="default">
            {t('cycles.edit')}
          </Button>
          {cycle.archivedAt ? (
            <Button variant="default" onClick={() => restore.mutate({ id: cycle.id })} loading={restore.isPending}>
              {t('cycles.restore')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => archive.mutate({ id: cycle.id })} loading={archive.isPending}>
              {t('cycles.archive')}
            </Button>
          )}
        </Group>
      </Group>
      {cycle.archivedAt && <Alert color="gray">{t('cycles.archived')}</Alert>}
      <OpErrorAlert error={archive.error ?? restore.error} />
      <Text>{t('cycles.rule', { required: modulesRequired, total: modules.length })}</Text>
      <ModulesTable detail={detail.data} />
      <Title order={2}>{t('cycles.participantsHeading')}</Title>
      {participants.length === 0 ? (
        <Text c="dimmed">{t('cycles.noParticipants')}</Text>
      ) : (
        <>
          {isPresident ? <GroupCertificates detail={detail.data} /> : <Text size="sm" c="dimmed">{t('certificates.presidentOnly')}</Text>}
          <ParticipantsTable detail={detail.data} isPresident={isPresident} />
        </>
      )}
    </Stack>
  );
}

function ModulesTable({ detail }: { detail: CycleDetail }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string | null) => (iso ? formatDay(i18n.language, iso) : '');
  return (
    <>
      <Title order={2}>{t('cycles.modulesHeading')}</Title>
      <Table striped aria-label={t('cycles.modulesTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cycles.moduleColumns.reference')}</Table.Th>
            <Table.Th>{t('cycles.moduleColumns.title')}</Table.Th>
            <Table.Th>{t('cycles.moduleColumns.held')}</Table.Th>
            <Table.Th>{t('cycles.moduleColumns.threshold')}</Table.Th>
            <Table.Th>{t('cycles.moduleColumns.dates')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.modules.map((m) => (
            <Table.Tr key={m.activityId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.reference}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={activityPath(m.activityId)}>
                  {m.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.sessionsHeld}</Table.Td>
              <Table.Td>{t('cycles.thresholdValue', { value: m.completionThreshold })}</Table.Td>
              <Table.Td>{m.firstSessionDate && t('cycles.datesValue', { from: day(m.firstSessionDate), to: day(m.lastSessionDate) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Printing for the whole group: everyone entitled, one page each. */
function GroupCertificates({ detail }: { detail: CycleDetail }) {
  const { t, i18n } = useTranslation();
  const named = detail.participants.filter((p) => !p.pseudonymous);
  const completed = named.filter((p) => p.completed).map((p) => p.beneficiaryId);
  const attended = named.filter((p) => p.attended).map((p) => p.beneficiaryId);
  const link = (kind: CertificateKind, people: string[]) =>
    certificatesPath({ subject: 'cycle', subjectId: detail.cycle.id, kind, people, locale: i18n.language === 'ar' ? 'ar' : 'fr' });
  return (
    <Group gap="xs">
      {completed.length > 0 && (
        <Button component={Link} to={link('completion', completed)} leftSection={<IconPrinter width={18} height={18} />}>
          {t('certificates.printAllCompleted', { count: completed.length })}
        </Button>
      )}
      {attended.length > 0 && (
        <Button component={Link} to={link('participation', attended)} variant="light" leftSection={<IconPrinter width={18} height={18} />}>
          {t('certificates.printAllAttended', { count: attended.length })}
        </Button>
      )}
    </Group>
  );
}

function ModuleCell({ progress }: { progress: CycleModuleProgress }) {
  const { t } = useTranslation();
  if (!progress.registered) return <Text size="xs" c="dimmed">{t('cycles.moduleNotRegistered')}</Text>;
  // Plain text, not a badge: five modules side by side must wrap rather than cut their words.
  return progress.completed ? (
    <Text size="sm" c="green.8" fw={600}>
      {t('cycles.moduleDone')}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('cycles.moduleNotDone')}
    </Text>
  );
}

function CertificateCell({ detail, participant, isPresident }: { detail: CycleDetail; participant: CycleParticipant; isPresident: boolean }) {
  const { t, i18n } = useTranslation();
  const kind: CertificateKind = participant.completed ? 'completion' : 'participation';
  const reference = participant.certificates[kind];
  const entitled = !participant.pseudonymous && (participant.completed || participant.attended);
  return (
    <Group gap="xs" wrap="nowrap">
      {reference && <Text size="sm">{reference}</Text>}
      {isPresident && entitled && (
        <Button
          component={Link}
          size="compact-sm"
          variant="subtle"
          to={certificatesPath({ subject: 'cycle', subjectId: detail.cycle.id, kind, people: [participant.beneficiaryId], locale: i18n.language === 'ar' ? 'ar' : 'fr' })}
          aria-label={`${t(`certificates.kind.${kind}`)} — ${participant.displayName}`}
        >
          {t('certificates.printOne')}
        </Button>
      )}
    </Group>
  );
}

function ParticipantsTable({ detail, isPresident }: { detail: CycleDetail; isPresident: boolean }) {
  const { t } = useTranslation();
  return (
    <Table striped aria-label={t('cycles.participantsTable')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cycles.participantColumns.name')}</Table.Th>
          {detail.modules.map((m, i) => (
            <Table.Th key={m.activityId} title={m.title}>
              {t('cycles.moduleShort', { n: i + 1 })}
            </Table.Th>
          ))}
          <Table.Th>{t('cycles.participantColumns.done')}</Table.Th>
          <Table.Th>{t('cycles.participantColumns.status')}</Table.Th>
          <Table.Th>{t('cycles.participantColumns.certificate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.participants.map((p) => (
          <Table.Tr key={p.beneficiaryId}>
            <Table.Td>
              <Text size="sm" dir="auto">
                {p.displayName}
              </Text>
            </Table.Td>
            {p.modules.map((m) => (
              <Table.Td key={m.activityId}>
                <ModuleCell progress={m} />
              </Table.Td>
            ))}
            <Table.Td>{t('cycles.doneValue', { done: p.completedModules, total: detail.modules.length })}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={700} c={p.completed ? 'green.8' : 'dimmed'}>
                {p.completed ? t('cycles.status.completed') : t('cycles.status.inProgress')}
              </Text>
            </Table.Td>
            <Table.Td>
              <CertificateCell detail={detail} participant={p} isPresident={isPresident} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
