import type { AssociationDetails, Settings } from '../../contract';
import { readAssociationDetails, writeAssociationDetails } from '../association/repository';
import type { SignedInContext, WriteTx } from '../context';
import { readSettings, writeSettings } from './repository';

export function getSettings(ctx: SignedInContext): Settings {
  return readSettings(ctx.session.file.db);
}

export function updateSettings(ctx: SignedInContext, input: Partial<Settings>) {
  return (tx: WriteTx): Settings => {
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const settings: Settings = { ...readSettings(tx.db), ...given };
    writeSettings(tx.db, settings);
    tx.audit(null);
    ctx.session.autoLockMinutes = settings.autoLockMinutes;
    return settings;
  };
}

export function getAssociationDetails(ctx: SignedInContext): AssociationDetails {
  return readAssociationDetails(ctx.session.file.db);
}

export function updateAssociationDetails(details: AssociationDetails) {
  return (tx: WriteTx): AssociationDetails => {
    writeAssociationDetails(tx.db, details);
    tx.audit(null);
    return readAssociationDetails(tx.db);
  };
}
