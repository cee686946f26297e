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
  /**
   * Saves the app's page as printed (its print CSS) to a PDF the user places with a native dialog;
   * null when cancelled. Absent in the web bridge, where the print dialog offers "Save as PDF".
   */
  savePdf?: (fileName: string) => Promise<string | null>;
  /**
   * Prints a page of the app (a route of `contract/print-routes`, drawn in the current session)
   * to PDF bytes, for documents the core packs into files. Absent where no browser can draw it.
   */
  renderPdf?: (route: string) => Promise<Uint8Array>;
  now?: () => Date;
}
