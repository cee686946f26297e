import { Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type AttachmentContent, type AttachmentInfo, type AttachmentUpload } from '../../../electron/contract';
import type { OpFailure } from '../../app/ops';
import { useFileViewer } from '../../ui/FileViewer';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { readAsBase64 } from '../beneficiary-import/readFile';

const ACCEPT = 'application/pdf,image/jpeg,image/png';

/**
 * Files kept in the encrypted file (step documents, assembly minutes, signed sheets): each opens
 * in the viewer through `read`, a new one is sent through `upload`. The core checks the type by
 * content and the size again.
 */
export function Attachments({
  files,
  read,
  upload,
  uploading,
  error,
  canAdd,
  addLabel,
  remove,
}: {
  files: AttachmentInfo[];
  read: (id: string) => Promise<AttachmentContent>;
  upload?: (file: AttachmentUpload) => void;
  uploading?: boolean;
  error?: OpFailure | null;
  canAdd: boolean;
  /** The upload button's text, when "attach a file" is not specific enough. */
  addLabel?: string;
  /** A remove button beside each file `allowed` says this user may withdraw. */
  remove?: { allowed: (file: AttachmentInfo) => boolean; run: (id: string) => void; label: string; labelOf: (file: AttachmentInfo) => string };
}) {
  const { t } = useTranslation();
  const [tooLarge, setTooLarge] = useState(false);
  const viewing = useFileViewer(read);
  const pick = async (file: File | null) => {
    if (!file || !upload) return;
    setTooLarge(file.size > MAX_ATTACHMENT_BYTES);
    if (file.size > MAX_ATTACHMENT_BYTES) return;
    upload({ fileName: file.name, contentBase64: await readAsBase64(file) });
  };
  return (
    <Stack gap={2}>
      {files.map((f) => (
        <Group key={f.id} gap={4} wrap="nowrap">
          <Anchor component="button" type="button" size="xs" onClick={() => viewing.open(f.id)}>
            {f.fileName}
          </Anchor>
          {remove?.allowed(f) && (
            <Button size="compact-xs" variant="subtle" color="red" aria-label={remove.labelOf(f)} onClick={() => remove.run(f.id)}>
              {remove.label}
            </Button>
          )}
        </Group>
      ))}
      {canAdd && upload && (
        <Group gap={4}>
          <FileButton onChange={(file) => void pick(file)} accept={ACCEPT}>
            {(props) => (
              <Button {...props} size="compact-xs" variant="subtle" loading={uploading}>
                {addLabel ?? t('members.files.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('members.files.limits')}
          </Text>
        </Group>
      )}
      {tooLarge && (
        <Text size="xs" c="red">
          {t('errors.attachment_too_large')}
        </Text>
      )}
      <OpErrorAlert error={error} />
      <OpErrorAlert error={viewing.error} />
      {viewing.viewer}
    </Stack>
  );
}
