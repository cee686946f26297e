import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { inSheetOrder, logoSrc, type AttendanceSheet as Sheet, type SheetLogos } from '../../electron/contract';
import { intlLocale } from '../i18n';
import { bilingualLabel } from './bilingual';
import './print.css';
import './a4-document.css';
import './attendance-sheet.css';
import { addCoreTexts } from '../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

export interface AttendanceSheetProps {
  sheet: Sheet;
  associationName: string;
  /** Empty rows at the end, for people who come unregistered. */
  blankRows: number;
  showPhone: boolean;
  /** Uploaded in Settings; the sheet prints without them while they load or when there are none. */
  logos?: SheetLogos;
  /** Labels of the codes, in the UI language. */
  label: { theme: (code: string) => string; category: (code: string) => string; country: (code: string) => string };
}

/** A header in French and Arabic together, whatever the UI language: funders read one, participants the other. */
const Bilingual = bilingualLabel('attendance-sheet__bi');

/** The sheet itself (A4 portrait), used for the on-screen preview and for printing. */
export function AttendanceSheetDocument({ sheet, associationName, blankRows, showPhone, logos, label, preview = false }: AttendanceSheetProps & { preview?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${sheet.session.date}T00:00:00Z`));
  const generated = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date());
  const s = sheet.session;
  const blanks = Array.from({ length: blankRows }, (_, i) => sheet.rows.length + i + 1);
  const columns = showPhone ? 6 : 5;
  // Only the logos of this activity's funder: another funder's logo on its sheet would claim what it did not fund.
  const funderLogos = (logos?.funders ?? []).filter((logo) => logo.funderId !== null && logo.funderId === sheet.agreement?.funderId);
  return (
    <article className={`attendance-sheet a4-document${preview ? ' attendance-sheet--preview a4-document--preview' : ''}`} dir={i18n.dir()} lang={i18n.language}>
      {/* A flex row follows the page's direction: the association at the start (left in French, right in Arabic), funders at the end. */}
      <div className="attendance-sheet__head">
        {logos?.association && <img className="attendance-sheet__logo" src={logoSrc(logos.association)} alt={associationName} />}
        <div className="attendance-sheet__title">
          <strong>{associationName}</strong>
          <h1>
            <Bilingual k="activities.sheet.title" />
          </h1>
        </div>
        {(funderLogos.length > 0 || sheet.agreement) && (
          <div className="attendance-sheet__funders" aria-label={t('activities.sheet.funders')}>
            {funderLogos.map((logo) => (
              <img key={logo.id} className="attendance-sheet__logo attendance-sheet__logo--funder" src={logoSrc(logo)} alt={logo.fileName} />
            ))}
            {sheet.agreement && <span className="attendance-sheet__funder-name">{sheet.agreement.funderName}</span>}
          </div>
        )}
      </div>
      <dl className="attendance-sheet__facts a4-document__facts">
        <dt>{t('activities.sheet.activity')}</dt>
        <dd>
          {sheet.activity.title} ({sheet.activity.reference})
        </dd>
        <dt>{t('activities.field.theme')}</dt>
        <dd>{label.theme(sheet.activity.theme)}</dd>
        {sheet.agreement && (
          <>
            <dt>{t('activities.field.agreement')}</dt>
            <dd>{t('activities.form.agreementOption', { reference: sheet.agreement.reference, title: sheet.agreement.title })}</dd>
          </>
        )}
        <dt>{t('activities.sessions.date')}</dt>
        <dd>{t('activities.sheet.when', { date, time: t('activities.sessions.timeRange', { start: s.startTime, end: s.endTime }) })}</dd>
        <dt>{t('activities.field.place')}</dt>
        <dd>{sheet.place ?? ''}</dd>
        <dt>{t('activities.sessions.facilitator')}</dt>
        <dd>{sheet.facilitator ?? ''}</dd>
      </dl>
      <table>
        <thead>
          <tr>
            <th className="attendance-sheet__num">
              <Bilingual k="activities.sheet.col.number" />
            </th>
            <th>
              <Bilingual k="activities.sheet.col.name" />
            </th>
            <th className="attendance-sheet__sex">
              <Bilingual k="activities.sheet.col.sex" />
            </th>
            <th>
              <Bilingual k="activities.sheet.col.category" />
            </th>
            {showPhone && (
              <th className="attendance-sheet__phone">
                <Bilingual k="activities.sheet.col.phone" />
              </th>
            )}
            <th className="attendance-sheet__signature">
              <Bilingual k="activities.sheet.col.signature" />
            </th>
          </tr>
        </thead>
        {/* Printed, this empty footer repeats at the bottom of each page the table spans: the room the fixed generation date prints in. */}
        <tfoot className="attendance-sheet__room" aria-hidden="true">
          <tr>
            <td colSpan={columns} />
          </tr>
        </tfoot>
        <tbody>
          {inSheetOrder(sheet.rows).map((r) => (
            <tr key={r.beneficiaryId}>
              <td className="attendance-sheet__num">{r.sheetOrder}</td>
              <td>
                <span className="attendance-sheet__bi">
                  <span dir="auto">{r.displayName}</span>
                  {r.arabicName && (
                    <span lang="ar" dir="rtl">
                      {r.arabicName}
                    </span>
                  )}
                </span>
              </td>
              <td className="attendance-sheet__sex">{t(`core:exports.sexValue.${r.sex}`)}</td>
              <td>
                {label.category(r.category)} · {label.country(r.nationality)}
              </td>
              {showPhone && (
                <td>
                  <bdi dir="ltr">{r.phone ?? ''}</bdi>
                </td>
              )}
              <td />
            </tr>
          ))}
          {blanks.map((n) => (
            <tr key={`blank-${n}`}>
              <td className="attendance-sheet__num">{n}</td>
              <td />
              <td />
              <td />
              {showPhone && <td />}
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="attendance-sheet__footer">
        <span className="attendance-sheet__generated">{t('activities.sheet.generated', { date: generated })}</span>
        <span>{t('activities.sheet.registered', { count: sheet.rows.length })}</span>
      </div>
    </article>
  );
}

/** The same sheet at the top of <body>, hidden on screen: print.css prints it alone. */
export function AttendanceSheetPrint(props: AttendanceSheetProps) {
  return createPortal(
    <div className="print-sheet">
      <AttendanceSheetDocument {...props} />
    </div>,
    document.body,
  );
}
