import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatMinorPlain, type CategoryTotal, type YearStatement as Statement } from '../../electron/contract';
import './print.css';
import './a4-document.css';

/** The two sides of the statement, each a list of categories and its total. */
const SIDES = [
  { rows: 'income', total: 'incomeMinor' },
  { rows: 'expenses', total: 'expensesMinor' },
] as const;

const amount = (minor: number, currency: string) => `${formatMinorPlain(minor, ',', '\u202f')} ${currency}`;

/** The year's accounts for the general assembly, as an A4 document in the UI language. */
export function YearStatementDocument({ statement, label }: { statement: Statement; label: (c: CategoryTotal) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="a4-document" dir={i18n.dir()} lang={i18n.language} data-testid="year-statement">
      <strong>{statement.associationName}</strong>
      <h1>
        {t('treasury.year.title')} {statement.year}
      </h1>
      {statement.currencies.map((c) => (
        <section key={c.currency}>
          {SIDES.map(({ rows, total }) => (
            <table key={rows}>
              <thead>
                <tr>
                  <th>{t(`treasury.year.${rows}`)}</th>
                  <th>{c.currency}</th>
                </tr>
              </thead>
              <tbody>
                {c[rows].map((row) => (
                  <tr key={row.categoryId}>
                    <td>{label(row)}</td>
                    <td>{amount(row.amountMinor, c.currency)}</td>
                  </tr>
                ))}
                <tr>
                  <th>{t('treasury.year.total')}</th>
                  <th>{amount(c[total], c.currency)}</th>
                </tr>
              </tbody>
            </table>
          ))}
          <p>
            <strong>{t('treasury.year.result')}</strong> {amount(c.resultMinor, c.currency)}
          </p>
        </section>
      ))}
      <h2>{t('treasury.year.accounts')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('treasury.accounts.name')}</th>
            <th>{t('treasury.year.opening')}</th>
            <th>{t('treasury.year.in')}</th>
            <th>{t('treasury.year.out')}</th>
            <th>{t('treasury.year.closing')}</th>
          </tr>
        </thead>
        <tbody>
          {statement.accounts.map((a) => (
            <tr key={a.accountId}>
              <td>{a.name}</td>
              <td>{amount(a.openingMinor, a.currency)}</td>
              <td>{amount(a.inMinor, a.currency)}</td>
              <td>{amount(a.outMinor, a.currency)}</td>
              <td>{amount(a.closingMinor, a.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** The statement at the top of <body>, hidden on screen: print.css prints it alone. */
export function YearStatementPrint(props: { statement: Statement; label: (c: CategoryTotal) => string }) {
  return createPortal(
    <div className="print-sheet">
      <YearStatementDocument {...props} />
    </div>,
    document.body,
  );
}
