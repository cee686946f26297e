import { useTranslation } from 'react-i18next';
import { call, useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { Attachments } from '../members/Attachments';

/** The scanned signed sheets of all of an activity's sessions: one query for the whole sessions table. */
export function useSignedSheets(activityId: string) {
  const list = useOp('sessions.signedSheets', { activityId });
  const refresh = () => list.refetch();
  const attach = useOpMutation('sessions.attachSignedSheet', { onSuccess: refresh });
  const remove = useOpMutation('sessions.removeSignedSheet', { onSuccess: refresh });
  const user = useAppStatus().data?.session?.user;
  const files = list.data ?? [];
  return { files, attach, remove, user, has: (sessionId: string) => files.some((f) => f.ownerId === sessionId) };
}

/**
 * One session's scans, opened (saved) from the encrypted file, and the button to attach one. The
 * core lets the president remove any scan and others only those they attached: the button follows.
 */
export function SignedSheetsCell({ sessionId, editable, sheets }: { sessionId: string; editable: boolean; sheets: ReturnType<typeof useSignedSheets> }) {
  const { t } = useTranslation();
  const { files, attach, remove, user } = sheets;
  const own = files.filter((f) => f.ownerId === sessionId);
  const attaching = attach.variables?.sessionId === sessionId;
  const removing = own.some((f) => f.id === remove.variables?.id);
  return (
    <Attachments
      files={own}
      read={(id) => call('sessions.signedSheet', { id })}
      upload={(file) => attach.mutate({ sessionId, file })}
      uploading={attach.isPending && attaching}
      error={attaching ? attach.error : removing ? remove.error : null}
      canAdd={editable}
      addLabel={t('activities.signedSheets.add')}
      remove={
        editable
          ? {
              allowed: (f) => user?.role === 'president' || f.createdBy === user?.id,
              run: (id) => remove.mutate({ id }),
              label: t('activities.signedSheets.remove'),
              labelOf: (f) => t('activities.signedSheets.removeOf', { name: f.fileName }),
            }
          : undefined
      }
    />
  );
}
