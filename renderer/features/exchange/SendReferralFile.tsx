import { Alert, Anchor, Checkbox, Loader, Stack, Text } from '@mantine/core';
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
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useLookup } from '../case-follow-up/lookups';

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
  return <FactsForm referral={referral} person={person.data} cardChecked={card.data.checkedAt !== null} onDone={onDone} />;
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

/**
 * The needs that would go, as the core sends them: those this user may read (the record comes
 * without the others), health and violence only with the consent to sharing.
 */
function NeedsSent({ person, sharing }: { person: Beneficiary; sharing: boolean }) {
  const { t } = useTranslation();
  const needs = useLookup('vulnerability');
  const recorded = person.personal?.vulnerabilities ?? [];
  if (recorded.length === 0) return t('referralFiles.send.noNeeds');
  const sensitive = new Set(needs.values.filter((v) => v.sensitive).map((v) => v.code));
  const going = recorded.filter((code) => sharing || !sensitive.has(code));
  const kept = recorded.filter((code) => !going.includes(code));
  const names = (codes: string[]) => codes.map((code) => needs.label(code)).join(' · ');
  return (
    <>
      {going.length > 0 && <Text size="xs" component="span" display="block">{t('referralFiles.send.needsGoing', { needs: names(going) })}</Text>}
      {kept.length > 0 && <Text size="xs" component="span" display="block">{t('referralFiles.send.needsKept', { needs: names(kept) })}</Text>}
    </>
  );
}

function FactsForm({
  referral,
  person,
  cardChecked,
  onDone,
}: {
  referral: Referral;
  person: Beneficiary;
  /** A card not checked by phone may be someone else's keys in the partner's name (an actor map's, say). */
  cardChecked: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const personalAllowed = maySharePersonal(person);
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
        {!cardChecked && (
          <Alert color="orange" variant="light">
            <Stack gap="xs">
              <Text size="sm">{t('referralFiles.send.cardUnchecked', { partner: referral.partnerName })}</Text>
              <Anchor component={Link} to="/partners" size="sm">
                {t('followUp.referrals.directory')}
              </Anchor>
            </Stack>
          </Alert>
        )}
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
                    description={fact === 'needs' ? <NeedsSent person={person} sharing={personalOpen} /> : undefined}
                    disabled={isPersonal(fact) && !personalOpen}
                    ref={i === 0 ? field.ref : undefined}
                    onBlur={field.onBlur}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        {noCard && <NoCard />}
        <ModalActions
          error={noCard ? null : generalError(form, send.error)}
          saving={send.isPending}
          onCancel={onDone}
          submitLabel={t('referralFiles.send.submit')}
        />
      </Stack>
    </form>
  );
}
