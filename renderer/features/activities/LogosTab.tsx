import { Button, Group, Input, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { logoSrc, MAX_LOGO_BYTES, type LogoKind, type SheetLogo } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { readAsBase64 } from '../beneficiary-import/readFile';

const ACCEPT = 'image/png,image/jpeg';
const MAX_MB = MAX_LOGO_BYTES / (1024 * 1024);

/** Settings tab: the association's logo and the funders' logos printed on the attendance sheets. */
export function LogosTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const logos = useOp('logos.list', {});
  if (logos.isPending) return <Loader />;
  if (logos.error) return <OpErrorAlert error={logos.error} />;
  const { association, funders } = logos.data;
  return (
    <Stack gap="lg" maw={760}>
      <Text size="sm" c="dimmed">
        {t('settings.logos.help')}
      </Text>
      <LogoSection kind="association" title={t('settings.logos.association')} logos={association ? [association] : []} canEdit={canEdit} />
      {canEdit ? <FunderLogos logos={funders} /> : <LogoSection kind="funder" title={t('settings.logos.funders')} logos={funders} canEdit={false} />}
    </Stack>
  );
}

/** For the president: each funder's logo belongs to a funder of the grants area, and prints only on its activities' sheets. */
function FunderLogos({ logos }: { logos: SheetLogo[] }) {
  const { t } = useTranslation();
  const funders = useOp('grants.funders.list', { includeArchived: true });
  const choices = (funders.data ?? []).map((f) => ({ value: f.id, label: f.name }));
  return <LogoSection kind="funder" title={t('settings.logos.funders')} logos={logos} canEdit funders={choices} />;
}

interface SectionProps {
  kind: LogoKind;
  title: string;
  logos: SheetLogo[];
  canEdit: boolean;
  /** Funder logos, for the president: the funders a logo can belong to. */
  funders?: { value: string; label: string }[];
}

function LogoSection({ kind, title, logos, canEdit, funders }: SectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [funderId, setFunderId] = useState('');
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: opKey('logos.list') });
  const add = useOpMutation('logos.add', {
    onSuccess: refresh,
    onError: (error) => setProblem(t(`errors.${error.code}`)),
  });
  const remove = useOpMutation('logos.remove', { onSuccess: refresh });
  const link = useOpMutation('logos.setFunder', { onSuccess: refresh });
  const funderChoices = [{ value: '', label: t('settings.logos.chooseFunder') }, ...(funders ?? [])];

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that the same file, once fixed, can be chosen again.
    input.value = '';
    setProblem(null);
    if (!file) return;
    // The core checks the bytes; these two spare sending a file it would refuse.
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') return setProblem(t('errors.logo_not_image'));
    if (file.size > MAX_LOGO_BYTES) return setProblem(t('errors.logo_too_large'));
    if (kind === 'funder' && !funderId) return setProblem(t('settings.logos.funderRequired'));
    add.mutate({ kind, ...(kind === 'funder' ? { funderId } : {}), fileName: file.name, contentBase64: await readAsBase64(file) });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        {logos.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('settings.logos.none')}
          </Text>
        ) : (
          <Group gap="md">
            {logos.map((logo) => (
              <Stack key={logo.id} gap={4} align="center">
                <img src={logoSrc(logo)} alt={logo.fileName} style={{ maxHeight: 64, maxWidth: 160, objectFit: 'contain' }} />
                <Text size="xs">{logo.fileName}</Text>
                {funders && logo.funderId !== null && (
                  <Text size="xs" c="dimmed">
                    {funders.find((f) => f.value === logo.funderId)?.label}
                  </Text>
                )}
                {funders && logo.funderId === null && (
                  <NativeSelect
                    size="xs"
                    label={t('settings.logos.unlinked', { name: logo.fileName })}
                    data={funderChoices}
                    value=""
                    disabled={link.isPending}
                    onChange={(event) => event.currentTarget.value && link.mutate({ id: logo.id, funderId: event.currentTarget.value })}
                  />
                )}
                {canEdit && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables.id === logo.id}
                    onClick={() => remove.mutate({ id: logo.id })}
                    aria-label={t('settings.logos.removeOf', { name: logo.fileName })}
                  >
                    {t('settings.logos.remove')}
                  </Button>
                )}
              </Stack>
            ))}
          </Group>
        )}
        {canEdit && funders && (
          <NativeSelect label={t('settings.logos.funder')} data={funderChoices} value={funderId} onChange={(event) => setFunderId(event.currentTarget.value)} />
        )}
        {canEdit && (
          <Input.Wrapper
            id={id}
            label={kind === 'association' && logos.length > 0 ? t('settings.logos.replace') : t('settings.logos.add')}
            description={t('settings.logos.rules', { max: MAX_MB })}
            error={problem ?? undefined}
          >
            <input
              id={id}
              type="file"
              accept={ACCEPT}
              disabled={add.isPending}
              onChange={(event) => void choose(event)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-description${problem ? ` ${id}-error` : ''}`}
            />
          </Input.Wrapper>
        )}
        <OpErrorAlert error={remove.error ?? link.error} />
      </Stack>
    </Paper>
  );
}
