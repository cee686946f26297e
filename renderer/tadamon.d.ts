import type { OpInput, OpName, OpOutput, Result } from '../electron/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the app runs through the web bridge. */
    tadamon?: {
      invoke<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
    };
  }
}

export {};
