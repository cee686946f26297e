/** What the surrounding process (Electron main or the web bridge) provides to the core. */
export interface Host {
  /** Where app-level preferences and the demo file live (not the association files). */
  dataDir: string;
  /** Default folder offered for a new association file. */
  documentsDir: string;
  /** Path to a better-sqlite3 addon built for this runtime (Electron); Node uses the default. */
  nativeBinding?: string;
  /** Native file dialogs; absent in the web bridge. */
  pickFile?: () => Promise<string | null>;
  pickDirectory?: () => Promise<string | null>;
  now?: () => Date;
}
