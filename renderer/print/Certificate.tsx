import { useTranslation } from 'react-i18next';
import { logoSrc, type CertificateBatch, type CertificateCourse, type CertificateDocument as Certificate } from '../../electron/contract';
import './print.css';
import './certificate.css';

export type CertificateLanguage = 'fr' | 'ar';

/** Moroccan documents write dates with Latin digits in both languages. */
const INTL_LOCALE: Record<CertificateLanguage, string> = { fr: 'fr-MA', ar: 'ar-MA-u-nu-latn' };

export interface CertificateProps {
  batch: Pick<CertificateBatch, 'association' | 'president'>;
  certificate: Certificate;
  /** The certificate's own language, whatever the screen's. */
  language: CertificateLanguage;
  preview?: boolean;
}

/** One certificate on one A4 page, in one language (right to left in Arabic). */
export function CertificateDocument({ batch, certificate, language, preview = false }: CertificateProps) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const duration = (minutes: number) =>
    minutes % 60 === 0
      ? t('certificates.print.hours', { count: minutes / 60 })
      : t('certificates.print.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const period = (c: CertificateCourse) =>
    c.firstPresentOn === c.lastPresentOn
      ? t('certificates.print.onDay', { date: day(c.firstPresentOn) })
      : t('certificates.print.fromTo', { from: day(c.firstPresentOn), to: day(c.lastPresentOn) });
  const { association } = batch;
  // The name as the person writes it: in Arabic script on an Arabic certificate when the record has it.
  const name = language === 'ar' ? (certificate.person.arabicName ?? certificate.person.displayName) : certificate.person.displayName;
  return (
    <article
      className={`certificate${preview ? ' certificate--preview' : ''}`}
      lang={language}
      dir={language === 'ar' ? 'rtl' : 'ltr'}
      aria-label={t(`certificates.print.title.${certificate.kind}`)}
    >
      <header className="certificate__head">
        {association.logo && <img className="certificate__logo" src={logoSrc(association.logo)} alt={association.name} />}
        <div className="certificate__association">
          <strong>{association.name}</strong>
          {association.city && <span>{association.city}</span>}
        </div>
        <div className="certificate__reference">
          {t('certificates.print.number')} <strong dir="ltr">{certificate.reference}</strong>
        </div>
      </header>
      <h1>{t(`certificates.print.title.${certificate.kind}`)}</h1>
      <p className="certificate__lead">{t('certificates.print.attests', { association: association.name })}</p>
      <p className="certificate__name" dir="auto">
        {name}
      </p>
      <p className="certificate__lead">{t(`certificates.print.${certificate.kind}.${certificate.subject}`)}</p>
      <p className="certificate__title" dir="auto">
        {certificate.title}
      </p>
      <p className="certificate__lead">{t('certificates.print.periodAndDuration', { period: period(certificate.course), duration: duration(certificate.course.minutes) })}</p>
      {certificate.modules.length > 0 && (
        <table className="certificate__modules">
          <thead>
            <tr>
              <th>{t('certificates.print.module')}</th>
              <th>{t('certificates.print.dates')}</th>
              <th>{t('certificates.print.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {certificate.modules.map((m) => (
              <tr key={m.title}>
                <td dir="auto">{m.title}</td>
                <td>{period(m)}</td>
                <td>{duration(m.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="certificate__purpose">{t('certificates.print.purpose')}</p>
      <footer className="certificate__signature">
        <div>{t('certificates.print.doneAt', { place: association.city, date: day(certificate.issuedOn) })}</div>
        <div className="certificate__signatory">{t('certificates.print.president')}</div>
        {batch.president && <div dir="auto">{batch.president}</div>}
        <div className="certificate__sign-here">{t('certificates.print.signatureAndStamp')}</div>
      </footer>
    </article>
  );
}
