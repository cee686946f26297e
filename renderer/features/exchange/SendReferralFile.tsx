import { Alert, Anchor, Button, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  PERSONAL_REFERRAL_FACTS,
  referralFactSchema,
  referralFileOps,
  type Beneficiary,
  type Referral,
  type ReferralFact,
} from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { downloadText } from '../../ui/download';
import { formResolver, generalError, showAtFields, useFieldError } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

const isPersonal = (fact: ReferralFact) => PERSONAL_REFERRAL_FACTS.includes(fact);

/** Personal facts need a named record whose owner consented to sharing, as the core checks. */
const maySharePersonal = (b: Beneficiary) => b.personal !== null && Boolean(b.consent?.scopes.includes('sharing'));

/** The facts to tick before a referral leaves as a sealed file for the partner, then the file saved. */
export function SendReferralFile({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useTranslation();
  const card = useOp('partners.card', { partnerId: referral.partnerId });
  const person = useOp('beneficiaries.get', { id: referral.beneficiaryId });

  if (card.isPending || person.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (card.error || person.error) return <OpErrorAlert error={card.error ?? person.error} />;
  if (!card.data) return <NoCard />;
  return <FactsForm referral={referral} personalAllowed={maySharePersonal(person.data)} onDone={onDone} />;
}

function NoCard() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light">
      <Stack gap="xs">
        <Text size="sm">{t('errors.partner_has_no_card')}</Text>
        <Anchor component={Link} to="/partners">
          {t('followUp.referrals.directory')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

function FactsForm({ referral, personalAllowed, onDone }: { referral: Referral; personalAllowed: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const client = useQueryClient();
  // The core may know better (consent withdrawn meanwhile): its refusal closes the personal facts too.
  const [consentRefused, setConsentRefused] = useState(false);
  const personalOpen = personalAllowed && !consentRefused;
  const form = useForm({
    resolver: formResolver(referralFileOps['referrals.sendFile'].input),
    defaultValues: {
      referralId: referral.id,
      facts: referralFactSchema.options.filter((f) => f !== 'notes' && (personalAllowed || !isPersonal(f))),
    },
  });
  const send = useOpMutation('referrals.sendFile', {
    onSuccess: ({ text, fileName, referral: sent }) => {
      downloadText(fileName, text, 'application/octet-stream');
      client.setQueryData<Referral[]>(opKey('referrals.list', { beneficiaryId: sent.beneficiaryId }), (list) =>
        list?.map((r) => (r.id === sent.id ? sent : r)),
      );
      onDone();
    },
    onError: (error) => {
      if (error.code === 'consent_sharing_required') {
        setConsentRefused(true);
        form.setValue(
          'facts',
          form.getValues('facts').filter((f) => !isPersonal(f)),
        );
      }
      showAtFields(form, error);
    },
  });
  const noCard = send.error?.code === 'partner_has_no_card';

  return (
    <form noValidate onSubmit={form.handleSubmit((input) => send.mutate(input))}>
      <Stack gap="md">
        <Text size="sm">{t('referralFiles.send.intro', { partner: referral.partnerName })}</Text>
        <Controller
          control={form.control}
          name="facts"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t('referralFiles.send.facts')}
              description={personalOpen ? undefined : t('referralFiles.send.noConsent')}
              value={field.value}
              onChange={(value) => field.onChange(value.filter((v) => referralFactSchema.safeParse(v).success))}
              error={fieldError(fieldState.error)}
            >
              <Stack gap="xs" mt="xs">
                {referralFactSchema.options.map((fact, i) => (
                  <Checkbox
                    key={fact}
                    value={fact}
                    label={t(`referralFiles.fact.${fact}`)}
                    disabled={isPersonal(fact) && !personalOpen}
                    ref={i === 0 ? field.ref : undefined}
                    onBlur={field.onBlur}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        {noCard ? <NoCard /> : <OpErrorAlert error={generalError(form, send.error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending}>
            {t('referralFiles.send.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
