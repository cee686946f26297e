import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Beneficiary } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { intlLocale } from '../../i18n';
import { IconLock } from '../../ui/icons';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PersonFollowUp } from '../case-follow-up/PersonFollowUp';
import { LinkedMemberNotice } from '../members/LinkedMemberNotice';
import { useCountryName } from './countries';
import { expiryState, formatPhone, useFormatDate } from './format';
import { useLookupLabels } from './lookups';
import { editPath, listPath } from './paths';
import { ArchiveButton, WithdrawConsentButton } from './PersonActions';
import classes from './PersonPage.module.css';
import { KeptDraftNotice } from '../../ui/unsaved/KeptDraftNotice';
import { SavedNotice } from '../../ui/unsaved/SavedNotice';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

// Loaded with the person's page only when shown: kept out of the page's own chunk.
const PersonServices = lazy(() => import('../services/PersonServices').then((m) => ({ default: m.PersonServices })));
const EmploymentSection = lazy(() => import('../employment/EmploymentSection').then((m) => ({ default: m.EmploymentSection })));

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useOp('beneficiaries.get', { id });

  if (record.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (record.error) {
    return (
      <Stack align="flex-start">
        <OpErrorAlert error={record.error} />
        <Anchor component={Link} to={listPath}>
          {t('beneficiaries.person.backToList')}
        </Anchor>
      </Stack>
    );
  }
  const b = record.data;
  return (
    <Stack gap="lg">
      <SavedNotice />
      <KeptDraftNotice />
      <Anchor component={Link} to={listPath} size="sm">
        {t('beneficiaries.person.backToList')}
      </Anchor>
      <PersonHeader b={b} />
      <LinkedMemberNotice beneficiaryId={b.id} />
      {b.archivedAt && (
        <Alert color="gray" variant="light">
          {t('beneficiaries.person.archivedNotice')}
        </Alert>
      )}
      {!b.personal && (
        <Alert color="blue" variant="light" title={t('beneficiaries.person.pseudonymousTitle')}>
          {t('beneficiaries.person.pseudonymousNotice')}
        </Alert>
      )}
      <Details b={b} />
      <PersonFollowUp beneficiaryId={b.id} />
      <Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}>
        <PersonServices beneficiaryId={b.id} legalStatus={b.personal?.legalStatus?.code ?? null} />
      </Suspense>
      <Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}>
        <EmploymentSection beneficiaryId={b.id} editable={!b.archivedAt} />
      </Suspense>
    </Stack>
  );
}

function PersonHeader({ b }: { b: Beneficiary }) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  const countryName = useCountryName();
  const formatDate = useFormatDate();
  const p = b.personal;
  const legal = p?.legalStatus;
  const expiry = legal?.expiryDate ? expiryState(legal.expiryDate) : null;
  const expiryColor = expiry === 'expired' ? 'red' : expiry === 'soon' ? 'orange' : 'blue';

  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
      <Stack gap={6}>
        <Title order={1}>{p ? `${p.firstName} ${p.lastName}` : b.initials}</Title>
        {p?.arabicName && (
          <Text size="xl">
            <bdi lang="ar" dir="rtl" className={classes.arabic}>
              {p.arabicName}
            </bdi>
          </Text>
        )}
        <Text c="dimmed" size="sm">
          {t('beneficiaries.person.reference')} <bdi className={classes.reference}>{b.reference}</bdi>
        </Text>
        <Group gap={6} mt={4}>
          <Badge variant="light" tt="none" size="lg">
            {lookups.of.category(b.category)}
          </Badge>
          <Badge variant="light" color="gray" tt="none" size="lg">
            {countryName(b.nationality)}
          </Badge>
          {legal && (
            <Badge variant="light" color={expiryColor} tt="none" size="lg">
              {lookups.of.legalStatus(legal.code)}
              {legal.expiryDate &&
                ` · ${t(expiry === 'expired' ? 'beneficiaries.person.expired' : 'beneficiaries.person.expires', {
                  date: formatDate(legal.expiryDate),
                })}`}
            </Badge>
          )}
          {!p && (
            <Badge variant="outline" color="gray" tt="none" size="lg">
              {t('beneficiaries.badge.pseudonymous')}
            </Badge>
          )}
          {b.archivedAt && (
            <Badge variant="filled" color="gray" tt="none" size="lg">
              {t('beneficiaries.badge.archived')}
            </Badge>
          )}
        </Group>
      </Stack>
      <Group gap="xs">
        <Button component={Link} to={editPath(b.id)}>
          {t('beneficiaries.person.edit')}
        </Button>
        <ArchiveButton b={b} />
        {(b.personal || b.consent) && <WithdrawConsentButton b={b} />}
      </Group>
    </Group>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.item}>
      <dt className={classes.term}>{label}</dt>
      <dd className={classes.value}>{children}</dd>
    </div>
  );
}

function Details({ b }: { b: Beneficiary }) {
  const { t, i18n } = useTranslation();
  const listFormat = new Intl.ListFormat(intlLocale(i18n.resolvedLanguage ?? 'fr'), { type: 'unit', style: 'short' });
  const lookups = useLookupLabels();
  const formatDate = useFormatDate();
  const p = b.personal;
  const none = t('beneficiaries.person.none');
  const age = new Date().getFullYear() - b.birthYear;
  const birthYear = b.birthYearEstimated
    ? t('beneficiaries.person.birthYearEstimated', { year: b.birthYear })
    : String(b.birthYear);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="identity-title">
        <Title order={2} size="h4" id="identity-title" mb="sm">
          {t('beneficiaries.person.identity')}
        </Title>
        <dl className={classes.list}>
          <Item label={t('beneficiaries.field.sex')}>{t(`core:exports.sexValue.${b.sex}`)}</Item>
          <Item label={t('beneficiaries.field.birthYear')}>
            {birthYear} · {t('beneficiaries.person.age', { age })}
          </Item>
          {p?.birthDate && <Item label={t('beneficiaries.field.birthDate')}>{formatDate(p.birthDate)}</Item>}
          {p && (
            <>
              <Item label={t('beneficiaries.field.phones')}>
                {p.phones.length === 0
                  ? none
                  : p.phones.map((phone) => (
                      <div key={phone}>
                        <bdi dir="ltr">{formatPhone(phone)}</bdi>
                      </div>
                    ))}
              </Item>
              <Item label={t('beneficiaries.field.city')}>
                {[p.city, p.neighbourhood].filter(Boolean).join(' — ') || none}
              </Item>
              <Item label={t('beneficiaries.field.languages')}>
                {listFormat.format(p.languages.map((l) => t(`beneficiaries.language.${l}`))) || none}
              </Item>
              <Item label={t('beneficiaries.field.legalStatus')}>
                {p.legalStatus ? (
                  <>
                    <div>{lookups.of.legalStatus(p.legalStatus.code)}</div>
                    {p.legalStatus.documentNumber && (
                      <Text size="sm" c="dimmed">
                        {t('beneficiaries.person.documentLabel')} <bdi>{p.legalStatus.documentNumber}</bdi>
                      </Text>
                    )}
                    {(p.legalStatus.issueDate || p.legalStatus.expiryDate) && (
                      <Text size="sm" c="dimmed">
                        {[
                          p.legalStatus.issueDate &&
                            t('beneficiaries.person.issued', { date: formatDate(p.legalStatus.issueDate) }),
                          p.legalStatus.expiryDate &&
                            t('beneficiaries.person.expires', { date: formatDate(p.legalStatus.expiryDate) }),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    )}
                  </>
                ) : (
                  none
                )}
              </Item>
            </>
          )}
        </dl>
      </Paper>

      {p && (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="situation-title">
          <Title order={2} size="h4" id="situation-title" mb="sm">
            {t('beneficiaries.person.situation')}
          </Title>
          <dl className={classes.list}>
            <Item label={t('beneficiaries.field.household')}>
              {t('beneficiaries.person.household', {
                dependants: p.household.dependants ?? t('beneficiaries.person.notStated'),
                children: p.household.childrenUnder18 ?? t('beneficiaries.person.notStated'),
              })}
              {p.household.singleParent && ` · ${t('beneficiaries.field.singleParent')}`}
            </Item>
            <Item label={t('beneficiaries.field.educationLevel')}>{t(`beneficiaries.education.${p.educationLevel}`)}</Item>
            <Item label={t('beneficiaries.field.occupation')}>{p.occupation || none}</Item>
            <Item label={t('beneficiaries.field.skills')}>
              <span className={classes.multiline}>{p.skills || none}</span>
            </Item>
            <Item label={t('beneficiaries.field.vulnerabilities')}>
              {p.vulnerabilities.length === 0 ? (
                none
              ) : (
                <Group gap={6}>
                  {p.vulnerabilities.map((code) => (
                    <Badge
                      key={code}
                      variant="light"
                      color={lookups.find('vulnerability', code)?.sensitive ? 'grape' : 'gray'}
                      tt="none"
                      leftSection={
                        lookups.find('vulnerability', code)?.sensitive ? (
                          <IconLock width={12} height={12} role="img" aria-hidden={false} aria-label={t('beneficiaries.sensitive')} />
                        ) : undefined
                      }
                    >
                      {lookups.of.vulnerability(code)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Item>
          </dl>
        </Paper>
      )}

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="consent-title">
        <Title order={2} size="h4" id="consent-title" mb="sm">
          {t('beneficiaries.consent.legend')}
        </Title>
        {b.consent ? (
          <dl className={classes.list}>
            <Item label={t('beneficiaries.consent.date')}>{formatDate(b.consent.date)}</Item>
            <Item label={t('beneficiaries.consent.givenBy')}>
              {b.consent.givenBy === 'guardian'
                ? t('beneficiaries.person.guardian', { name: b.consent.guardianName ?? '' })
                : t('beneficiaries.consent.byPerson')}
            </Item>
            <Item label={t('beneficiaries.consent.scopes')}>
              {b.consent.scopes.map((s) => t(`beneficiaries.consent.scope.${s}`)).join(' · ')}
            </Item>
            {b.consent.partners && <Item label={t('beneficiaries.consent.partners')}>{b.consent.partners}</Item>}
          </dl>
        ) : (
          <Text size="sm">{t('beneficiaries.person.noConsent')}</Text>
        )}
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="record-title">
        <Title order={2} size="h4" id="record-title" mb="sm">
          {t('beneficiaries.person.record')}
        </Title>
        <dl className={classes.list}>
          <Item label={t('beneficiaries.person.reference')}>
            <bdi className={classes.reference}>{b.reference}</bdi>
          </Item>
          <Item label={t('beneficiaries.person.created')}>{formatDate(b.createdAt)}</Item>
          <Item label={t('beneficiaries.person.updated')}>{formatDate(b.updatedAt)}</Item>
          {b.archivedAt && <Item label={t('beneficiaries.person.archivedOn')}>{formatDate(b.archivedAt)}</Item>}
        </dl>
      </Paper>
    </SimpleGrid>
  );
}
