import ar from '../../electron/contract/i18n/ar.json';
import en from '../../electron/contract/i18n/en.json';
import fr from '../../electron/contract/i18n/fr.json';
import { i18n } from './index';

/**
 * The core's words (report tables, measures, export columns) are i18next resources in the contract,
 * the namespace `core` the core writes its files with: a page asks `t('core:measures.participants')`
 * rather than translating the label again. Imported only by pages loaded on demand, so the sign-in
 * screen does not carry them.
 */
export function addCoreTexts(): void {
  for (const [lng, texts] of [['fr', fr], ['ar', ar], ['en', en]] as const) {
    if (!i18n.hasResourceBundle(lng, 'core')) i18n.addResourceBundle(lng, 'core', texts);
  }
}
