import type { AppStatus, SessionInfo } from '../../contract';
import { readAppConfig } from '../app-config';
import type { Host } from '../host';

/**
 * What the first screen asks before anything else. Kept apart from the session's code so the web
 * bridge can answer it while the core is still loading: no file can be open before the core is.
 */
export function appStatus(host: Pick<Host, 'dataDir' | 'documentsDir' | 'pickFile'>, session: SessionInfo | null): AppStatus {
  const config = readAppConfig(host.dataDir);
  return {
    session,
    recentFiles: config.recentFiles,
    defaultDirectory: host.documentsDir,
    locale: session?.user.locale ?? config.locale,
    canBrowse: Boolean(host.pickFile),
  };
}
