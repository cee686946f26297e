import type { Settings } from '../../contract';
import type { SignedInContext, WriteTx } from '../context';
import { readSettings, writeSettings } from './repository';

export function getSettings(ctx: SignedInContext): Settings {
  return readSettings(ctx.session.file.db);
}

export function updateSettings(ctx: SignedInContext, input: Settings) {
  return (tx: WriteTx): Settings => {
    writeSettings(tx.db, input);
    tx.audit(null);
    ctx.session.autoLockMinutes = input.autoLockMinutes;
    return input;
  };
}
