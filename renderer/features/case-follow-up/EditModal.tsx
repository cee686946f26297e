import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The modal that adds (`'new'`) or edits one record of a list, closed while `editing` is null.
 * `children` draws the form for the record, null when adding.
 */
export function EditModal<T>({
  editing,
  onClose,
  addTitle,
  editTitle,
  children,
}: {
  editing: T | 'new' | null;
  onClose: () => void;
  addTitle: string;
  editTitle: string;
  children: (record: T | null) => ReactNode;
}) {
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing === 'new' ? addTitle : editTitle} size="lg">
      {editing !== null && children(editing === 'new' ? null : editing)}
    </Modal>
  );
}
