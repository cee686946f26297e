import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  EXCHANGE_FILE_EXTENSIONS,
  type IncomingReferral,
  type IncomingReferralStatus,
  type ReceivedReferral,
} from '../../../electron/contract';
import { opKey, useOp, useOpMutation, type OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCountryName } from '../beneficiaries/countries';
import { DetailList } from '../case-follow-up/DetailList';
import { useDates } from '../case-follow-up/format';
import { useLookup } from '../case-follow-up/lookups';
import { PersonLink } from '../case-follow-up/PersonLink';
import { problemKey } from '../case-follow-up/problems';
import { AnswerIncoming } from './AnswerIncoming';
import { ExchangeFileInput } from './ExchangeFileInput';
import { Fingerprint } from './Fingerprint';
import { PageHeader } from '../../ui/PageHeader';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

const statusColors: Record<IncomingReferralStatus, string> = {
  received: 'blue',
  service_given: 'teal',
  refused: 'red',
  no_answer_possible: 'gray',
};

export function IncomingStatusBadge({ status }: { status: IncomingReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" color={statusColors[status]}>
      {t(`referralFiles.incomingStatus.${status}`)}
    </Badge>
  );
}

/** Who the partner sent: the name when identity came with the file, else the initials. */
const personOf = (incoming: IncomingReferral) =>
  incoming.facts.identity ? `${incoming.facts.identity.firstName} ${incoming.facts.identity.lastName}` : incoming.person.initials;

/** Referrals partners sent us as files: open a new one, match it to a person, and see each one's answer. */
export function ReceivedReferralsPage() {
  const { t } = useTranslation();
  const [received, setReceived] = useState<ReceivedReferral | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('referralFiles.received.title')}
        intro={t('referralFiles.received.intro')}
        links={[{ to: '/follow-up/referrals', label: t('followUp.referralsList.link') }, { to: '/follow-up', label: t('partners.dashboardLink') }]}
      />
      <OpenReceivedFile onReceived={setReceived} />
      {received && <ReceivedPanel key={received.incoming.id} received={received} />}
      <IncomingList />
    </Stack>
  );
}

function OpenReceivedFile({ onReceived }: { onReceived: (received: ReceivedReferral) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unreadable, setUnreadable] = useState(false);
  const receive = useOpMutation('referrals.receiveFile', {
    onSuccess: (received) => {
      onReceived(received);
      void client.invalidateQueries({ queryKey: opKey('referrals.incoming.list', {}) });
    },
  });
  const refusal = unreadable ? 'exchange_file_invalid' : receive.error?.fields?.fileText;

  return (
    <Paper withBorder p="lg" radius="lg">
      <Stack gap="sm">
        <ExchangeFileInput
          label={t('referralFiles.received.open')}
          description={t('referralFiles.received.openHelp')}
          accept={EXCHANGE_FILE_EXTENSIONS.referral}
          busy={receive.isPending}
          error={refusal ? t(problemKey(refusal)) : undefined}
          onUnreadable={() => {
            receive.reset();
            setUnreadable(true);
          }}
          onText={(fileText) => {
            setUnreadable(false);
            receive.mutate({ fileText });
          }}
        />
        {refusal === 'exchange_unknown_sender' && <UnknownSender error={receive.error} />}
        <OpErrorAlert error={refusal ? null : receive.error} />
      </Stack>
    </Paper>
  );
}

function UnknownSender({ error }: { error: OpFailure | null }) {
  const { t } = useTranslation();
  const fingerprint = error?.fields?.senderFingerprint;
  return (
    <Alert color="orange" variant="light">
      <Stack gap="sm">
        {fingerprint && <Fingerprint label={t('referralFiles.received.claimedFingerprint')} fingerprint={fingerprint} />}
        <Anchor component={Link} to="/partners">
          {t('referralFiles.received.addCard')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** The facts a partner sent, in the words and formats of the person's record. */
function ReceivedFacts({ incoming }: { incoming: IncomingReferral }) {
  const { t } = useTranslation();
  const dates = useDates();
  const country = useCountryName();
  const legal = useLookup('legalStatus');
  const needs = useLookup('vulnerability');
  const category = useLookup('category');
  const f = incoming.facts;
  const items = [
    {
      key: 'person',
      label: t('referralFiles.received.person'),
      value: (
        <Text>
          <bdi>{personOf(incoming)}</bdi> · {t(`core:exports.sexValue.${incoming.person.sex}`)} · {category.label(incoming.person.category)}
        </Text>
      ),
    },
  ];
  const add = (key: string, value: string) => items.push({ key, label: t(`referralFiles.fact.${key}`), value: <Text><bdi>{value}</bdi></Text> });
  if (f.identity) {
    add(
      'identity',
      [f.identity.arabicName, f.identity.birthDate ? t('referralFiles.received.born', { date: dates.day(f.identity.birthDate) }) : null]
        .filter(Boolean)
        .join(' · ') || personOf(incoming),
    );
  }
  if (f.contact) {
    add('contact', [...f.contact.phones, f.contact.neighbourhood, f.contact.city].filter(Boolean).join(' · ') || t('followUp.none'));
  }
  if (f.birthYear) add('birthYear', f.birthYear.estimated ? t('referralFiles.received.estimated', { year: f.birthYear.year }) : String(f.birthYear.year));
  if (f.nationality) add('nationality', country(f.nationality));
  if (f.legalStatus) {
    add(
      'legalStatus',
      f.legalStatus.expiryDate
        ? t('referralFiles.received.until', { status: legal.label(f.legalStatus.code), date: dates.day(f.legalStatus.expiryDate) })
        : legal.label(f.legalStatus.code),
    );
  }
  if (f.needs) add('needs', f.needs.map((code) => needs.label(code)).join(' · '));
  if (f.reason) add('reason', f.reason);
  if (f.notes) add('notes', f.notes);
  return <DetailList items={items} />;
}

/** A file just opened: what came, then the person it is about, matched or created. */
function ReceivedPanel({ received }: { received: ReceivedReferral }) {
  const { t } = useTranslation();
  const dates = useDates();
  const client = useQueryClient();
  const [incoming, setIncoming] = useState(received.incoming);
  const titleId = useId();
  const link = useOpMutation('referrals.incoming.link', {
    onSuccess: (linked) => {
      setIncoming(linked);
      void client.invalidateQueries({ queryKey: opKey('referrals.incoming.list', {}) });
    },
  });

  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={titleId}>
          {t('referralFiles.received.from', { partner: incoming.partnerName, date: dates.day(incoming.sentOn) })}
        </Title>
        <ReceivedFacts incoming={incoming} />
        {incoming.beneficiaryId ? (
          <Text fw={600} c="teal.8">
            {t('referralFiles.received.linked')}{' '}
            <Anchor component={Link} to={`/beneficiaries/${incoming.beneficiaryId}`}>
              {t('referralFiles.received.openRecord')}
            </Anchor>
          </Text>
        ) : (
          <Stack gap="sm">
            {received.duplicates.length > 0 && (
              <Stack gap="xs">
                <Text fw={600}>{t('referralFiles.received.duplicates')}</Text>
                {received.duplicates.map((d) => (
                  <Group key={d.id} gap="md" wrap="nowrap">
                    <PersonLink person={{ beneficiaryId: d.id, reference: d.reference, displayName: d.displayName }} />
                    <Button
                      size="xs"
                      variant="light"
                      loading={link.isPending && link.variables && 'beneficiaryId' in link.variables && link.variables.beneficiaryId === d.id}
                      disabled={link.isPending}
                      onClick={() => link.mutate({ id: incoming.id, beneficiaryId: d.id })}
                    >
                      {t('referralFiles.received.isThis', { name: d.displayName })}
                    </Button>
                  </Group>
                ))}
              </Stack>
            )}
            {received.draft ? (
              <Group>
                <Button
                  variant={received.duplicates.length > 0 ? 'default' : 'filled'}
                  disabled={link.isPending}
                  onClick={() => received.draft && link.mutate({ id: incoming.id, create: received.draft })}
                >
                  {t('referralFiles.received.create')}
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('referralFiles.received.noDraft')}
              </Text>
            )}
            <OpErrorAlert error={link.error} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** A referral received earlier and left without a person: its likely matches and draft, asked for again. */
function LinkLater({ id }: { id: string }) {
  const { t } = useTranslation();
  const received = useOp('referrals.incoming.get', { id });
  if (received.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (received.error) return <OpErrorAlert error={received.error} />;
  return <ReceivedPanel received={received.data} />;
}

function IncomingList() {
  const { t } = useTranslation();
  const dates = useDates();
  const list = useOp('referrals.incoming.list', {});
  const [answering, setAnswering] = useState<IncomingReferral | null>(null);
  const [linking, setLinking] = useState<IncomingReferral | null>(null);

  if (list.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (list.error) return <OpErrorAlert error={list.error} />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="incoming-title">
      <Title order={2} size="h4" id="incoming-title">
        {t('referralFiles.incoming.title')}
      </Title>
      {list.data.length === 0 ? (
        <Text c="dimmed">{t('referralFiles.incoming.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby="incoming-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referralFiles.incoming.from')}</Table.Th>
                <Table.Th>{t('followUp.dashboard.person')}</Table.Th>
                <Table.Th>{t('followUp.referrals.sentOn')}</Table.Th>
                <Table.Th>{t('followUp.referrals.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('referralFiles.answer.column')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((incoming) => (
                <Table.Tr key={incoming.id}>
                  <Table.Td>
                    <bdi>{incoming.partnerName}</bdi>
                  </Table.Td>
                  <Table.Td miw={160}>
                    {incoming.beneficiaryId ? (
                      <Anchor component={Link} to={`/beneficiaries/${incoming.beneficiaryId}`} fw={600}>
                        <bdi>{personOf(incoming)}</bdi>
                      </Anchor>
                    ) : (
                      <bdi>{personOf(incoming)}</bdi>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <bdi>{dates.day(incoming.sentOn)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <IncomingStatusBadge status={incoming.status} />
                      {incoming.answeredOn && (
                        <Text size="xs" c="dimmed">
                          {t('referralFiles.incoming.answeredOn', { date: dates.day(incoming.answeredOn) })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {!incoming.beneficiaryId && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setLinking(incoming)}
                          aria-label={t('referralFiles.incoming.linkNamed', { partner: incoming.partnerName, person: personOf(incoming) })}
                        >
                          {t('referralFiles.incoming.link')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setAnswering(incoming)}
                        aria-label={t('referralFiles.answer.openNamed', { partner: incoming.partnerName, person: personOf(incoming) })}
                      >
                        {t('referralFiles.answer.open')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={answering !== null}
        onClose={() => setAnswering(null)}
        title={answering ? t('referralFiles.answer.title', { partner: answering.partnerName, person: personOf(answering) }) : undefined}
      >
        {answering && <AnswerIncoming incoming={answering} onDone={() => setAnswering(null)} />}
      </Modal>
      <Modal
        opened={linking !== null}
        onClose={() => setLinking(null)}
        size="lg"
        title={linking ? t('referralFiles.incoming.linkTitle', { partner: linking.partnerName, person: personOf(linking) }) : undefined}
      >
        {linking && <LinkLater id={linking.id} />}
      </Modal>
    </Stack>
  );
}
