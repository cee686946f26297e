import { Badge, Button, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../electron/contract';
import { withDraftKept } from '../../ui/unsaved/kept-draft';
import { beneficiaryPath } from './paths';

interface Props {
  candidates: DuplicateCandidate[] | null;
  onClose: () => void;
  onConfirm: () => void;
  saving: boolean;
  /**
   * Registering someone on the spot (a walk-in): the existing record is used in place of the one
   * being typed, rather than opened, which would leave the registration half done.
   */
  onPick?: (candidate: DuplicateCandidate) => void;
  /** Before an existing record is opened: keeps what was typed, to come back to it. */
  onOpenExisting?: () => void;
}

/** Shown before saving when the core finds people who may be the same one. */
export function DuplicatesModal({ candidates, onClose, onConfirm, saving, onPick, onOpenExisting }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={candidates !== null} onClose={onClose} title={t('beneficiaries.duplicates.modalTitle')} size="lg" centered>
      <Stack>
        <Text>{t(onPick ? 'beneficiaries.duplicates.pickIntro' : 'beneficiaries.duplicates.modalIntro')}</Text>
        <List listStyleType="none" spacing="sm" aria-label={t('beneficiaries.duplicates.candidates')}>
          {(candidates ?? []).map((c) => (
            <List.Item key={c.id}>
              <Paper withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Stack gap={4}>
                    <Text fw={600}>{c.displayName}</Text>
                    <Text size="sm" c="dimmed">
                      <bdi>{c.reference}</bdi> · {t('beneficiaries.duplicates.bornIn', { year: c.birthYear })}
                    </Text>
                    <Group gap={6}>
                      {c.reasons.map((reason) => (
                        <Badge key={reason} variant="light" color="orange" tt="none">
                          {t(`beneficiaries.duplicates.reason.${reason}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  {onPick ? (
                    <Button variant="default" onClick={() => onPick(c)} disabled={saving}>
                      {t('beneficiaries.duplicates.pickExisting', { reference: c.reference })}
                    </Button>
                  ) : (
                    <Button component={Link} to={beneficiaryPath(c.id)} state={withDraftKept.state} onClick={onOpenExisting} variant="default">
                      {t('beneficiaries.duplicates.openExisting')}
                    </Button>
                  )}
                </Group>
              </Paper>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={saving}>
            {t('beneficiaries.duplicates.confirmDifferent')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
