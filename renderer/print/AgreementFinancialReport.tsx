import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PRINT_READY_ATTRIBUTE, type AgreementFinancialReport as Report, type UsedRate } from '../../electron/contract';
import { formatDay } from '../ui/dates/format-day';
import { numberFormats } from '../ui/numbers';
import './print.css';
import './a4-document.css';

/** An agreement's financial report as an A4 document in the UI language (French, Arabic or English). */
export function AgreementFinancialReportDocument({ report, rateLine }: { report: Report; rateLine: (rate: UsedRate) => string }) {
  const { t, i18n } = useTranslation();
  const a = report.agreement;
  // Amounts and days as the document's language writes them, the same as on screen.
  const m = (minor: number) => numberFormats(i18n.language).money(minor, a.currency);
  const day = (iso: string) => formatDay(i18n.language, iso);
  return (
    <article className="a4-document" dir={i18n.dir()} lang={i18n.language} data-testid="agreement-financial-report">
      <strong>{report.associationName}</strong>
      <h1>
        {t('treasury.report.title')} — {a.reference}
      </h1>
      <p>
        {a.title} · {a.funderName} · <bdi>{`${day(a.startDate)} – ${day(a.endDate)}`}</bdi>
      </p>
      <dl className="a4-document__facts">
        <dt>{t('treasury.report.received')}</dt>
        <dd>{m(report.receivedMinor)}</dd>
        <dt>{t('treasury.report.spentDirectly')}</dt>
        <dd>{m(report.spentDirectlyMinor)}</dd>
        <dt>{t('treasury.report.passedOn')}</dt>
        <dd>{m(report.passedOnMinor)}</dd>
        <dt>{t('treasury.report.remaining')}</dt>
        <dd>{m(report.remainingMinor)}</dd>
      </dl>
      <h2>{t('treasury.tranches.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('treasury.tranches.seq')}</th>
            <th>{t('treasury.tranches.due')}</th>
            <th>{t('treasury.tranches.planned')}</th>
            <th>{t('treasury.tranches.received')}</th>
          </tr>
        </thead>
        <tbody>
          {report.tranches.map((tr) => (
            <tr key={tr.id}>
              <td>{tr.seq}</td>
              <td>{day(tr.dueDate)}</td>
              <td>{m(tr.amountMinor)}</td>
              <td>{m(tr.receivedMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('treasury.report.line')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('treasury.report.line')}</th>
            <th>{t('treasury.report.budget')}</th>
            <th>{t('treasury.report.spentDirectly')}</th>
            <th>{t('treasury.report.justified')}</th>
            <th>{t('treasury.report.lineRemaining')}</th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((l) => (
            <tr key={l.budgetLineId}>
              <td>
                {l.code} — {l.label}
              </td>
              <td>{m(l.budgetMinor)}</td>
              <td>{m(l.spentDirectlyMinor)}</td>
              <td>{m(l.justifiedBySubGranteesMinor)}</td>
              <td>{m(l.remainingMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.unallocatedMinor !== 0 && <p>{t('treasury.report.unallocated', { amount: m(report.unallocatedMinor) })}</p>}
      {report.ratesUsed.length > 0 && (
        <>
          <h2>{t('treasury.report.rates')}</h2>
          {report.ratesUsed.map((r) => (
            <p key={`${r.date}${r.fromCurrency}${r.rateMicro}${r.inverse}`} dir="ltr">
              {rateLine(r)}
            </p>
          ))}
        </>
      )}
    </article>
  );
}

/** The report at the top of <body>, hidden on screen: print.css prints it alone. */
export function AgreementFinancialReportPrint(props: { report: Report; rateLine: (rate: UsedRate) => string }) {
  return createPortal(
    <div className="print-sheet" {...{ [PRINT_READY_ATTRIBUTE]: '' }}>
      <AgreementFinancialReportDocument {...props} />
    </div>,
    document.body,
  );
}
