import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentContent } from '../../electron/contract';
import type { OpFailure } from '../app/ops';
import { saveFile } from './saveFile';

/**
 * The file's bytes as a Blob URL while it is shown, revoked when it is closed. The CSP allows
 * `blob:` for images and frames for this alone: such a URL only ever holds bytes the page itself
 * read from the encrypted file.
 */
function useObjectUrl(file: AttachmentContent): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url;
}

/**
 * A stored file (receipt, scan, minutes) shown inside the app: Electron refuses every new window,
 * so nothing may open in one. Images are drawn as they are, PDFs by Chromium's viewer in a frame;
 * "Save a copy" writes it where the user chooses (the browser's download in the web bridge, the
 * save dialog in Electron).
 */
export function FileViewer({ file, onClose }: { file: AttachmentContent; onClose: () => void }) {
  const { t } = useTranslation();
  const url = useObjectUrl(file);
  return (
    <Modal opened onClose={onClose} title={file.fileName} size="xl" closeButtonProps={{ 'aria-label': t('files.close') }}>
      <Stack>
        {url &&
          (file.mime === 'application/pdf' ? (
            <iframe src={url} title={file.fileName} style={{ width: '100%', height: '70vh', border: 0 }} />
          ) : (
            <img src={url} alt={file.fileName} style={{ display: 'block', maxWidth: '100%', margin: '0 auto' }} />
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('files.close')}
          </Button>
          <Button onClick={() => saveFile({ fileName: file.fileName, mimeType: file.mime, contentBase64: file.contentBase64 })}>
            {t('files.saveCopy')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Opening stored files by id, the one way every screen does it: `open(id)` reads the file through
 * the screen's operation and shows it in the viewer; `viewer` is placed once in the screen, `error`
 * where the screen shows a failed read.
 */
export function useFileViewer(read: (id: string) => Promise<AttachmentContent>): {
  open: (id: string) => void;
  error: OpFailure | null;
  viewer: ReactNode;
} {
  const [shown, setShown] = useState<AttachmentContent | null>(null);
  const reading = useMutation<AttachmentContent, OpFailure, string>({ mutationFn: read, onSuccess: setShown });
  return {
    open: (id) => reading.mutate(id),
    error: reading.error,
    viewer: shown && <FileViewer file={shown} onClose={() => setShown(null)} />,
  };
}
