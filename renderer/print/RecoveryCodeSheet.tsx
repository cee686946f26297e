import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatRecoveryCode } from '../../electron/contract';
import type { PendingRecovery } from '../app/SessionMemory';
import { intlLocale } from '../i18n';
import './print.css';

/**
 * The sheet to keep in the association's safe. Rendered at the top of <body> and hidden on screen:
 * the print stylesheet shows it alone, without the app around it.
 */
export function RecoveryCodeSheet({ pending }: { pending: PendingRecovery }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'long' }).format(pending.createdAt);
  return createPortal(
    <article className="print-sheet" dir={i18n.dir()} lang={i18n.language}>
      <h1>{t('print.recovery.title')}</h1>
      <dl>
        <dt>{t('print.recovery.association')}</dt>
        <dd>{pending.associationName}</dd>
        <dt>{t('print.recovery.file')}</dt>
        <dd>
          <bdi dir="ltr">{pending.path}</bdi>
        </dd>
        <dt>{t('print.recovery.date')}</dt>
        <dd>{date}</dd>
      </dl>
      <ol className="print-sheet__code" dir="ltr">
        {formatRecoveryCode(pending.code).map((group, index) => (
          <li key={index}>
            <span className="print-sheet__group">{group}</span>
            <span className="print-sheet__number">{index + 1}</span>
          </li>
        ))}
      </ol>
      <p>{t('print.recovery.instructions')}</p>
      <p>
        <strong>{t('print.recovery.never')}</strong>
      </p>
    </article>,
    document.body,
  );
}
