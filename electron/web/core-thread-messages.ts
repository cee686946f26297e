import type { Result } from '../contract';

/** What the web bridge's main thread asks of the core's thread. */
export type ToCore =
  | { kind: 'dispatch'; id: number; op: unknown; input: unknown }
  | { kind: 'close'; id: number }
  | { kind: 'pdf'; id: number; pdf: Uint8Array | null };

/** What the core's thread answers, or asks back (a page printed by the bridge's browser). */
export type FromCore =
  | { kind: 'dispatched'; id: number; result: Result<unknown> }
  | { kind: 'closed'; id: number }
  | { kind: 'renderPdf'; id: number; route: string };

export interface CoreThreadData {
  dataDir: string;
  documentsDir: string;
  canRenderPdf: boolean;
}
