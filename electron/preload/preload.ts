import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL } from '../main/ipc-channel';

// The page gets one function and never ipcRenderer itself: everything it can ask for is an
// operation name the main process checks against the contract.
contextBridge.exposeInMainWorld('tadamon', {
  invoke: (op: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, op, input),
});
