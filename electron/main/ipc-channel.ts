/** The one IPC channel. Its own module so the preload bundle does not pull in the contract. */
export const INVOKE_CHANNEL = 'tadamon:invoke';
