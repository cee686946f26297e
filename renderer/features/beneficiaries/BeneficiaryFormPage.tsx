import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { takeDraft } from '../../ui/unsaved/kept-draft';
import { BeneficiaryForm } from './BeneficiaryForm';
import { draftOf, emptyDraft, type BeneficiaryDraft } from './form-model';
import { useLookupLabels } from './lookups';
import { beneficiaryPath, listPath, newPath } from './paths';

export function NewBeneficiaryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lookups = useLookupLabels();
  // Back from a possible duplicate's record: the form as it was left.
  const [initial] = useState(() => takeDraft<BeneficiaryDraft>(newPath) ?? emptyDraft());
  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Title order={1}>{t('beneficiaries.form.newTitle')}</Title>
        <Text c="dimmed" mt="xs">
          {t('beneficiaries.form.newIntro')}
        </Text>
      </div>
      {lookups.error && <OpErrorAlert error={lookups.error} />}
      <BeneficiaryForm initial={initial} onCancel={() => void navigate(listPath)} />
    </Stack>
  );
}

export function EditBeneficiaryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const record = useOp('beneficiaries.get', { id });

  if (record.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (record.error) return <OpErrorAlert error={record.error} />;
  const b = record.data;
  const name = b.personal ? `${b.personal.firstName} ${b.personal.lastName}` : b.initials;
  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Title order={1}>{t('beneficiaries.form.editTitle', { name })}</Title>
        <Text c="dimmed" mt="xs">
          <bdi>{b.reference}</bdi>
        </Text>
      </div>
      {b.archivedAt && (
        <Alert color="gray" variant="light">
          {t('beneficiaries.person.archivedNotice')}
        </Alert>
      )}
      <BeneficiaryForm
        key={b.id}
        existing={b}
        initial={draftOf(b)}
        onCancel={() => void navigate(beneficiaryPath(b.id))}
      />
    </Stack>
  );
}
