import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatMinorPlain, type Expense, type SubGrantStatement as Statement } from '../../electron/contract';
import { typedFromValue } from '../ui/dates/typed-date';
import { bilingualLabel } from './bilingual';
import './print.css';
import './a4-document.css';
import './sub-grant-statement.css';

/**
 * A heading in French and Arabic together, whatever the UI language: the recipient signs one of
 * them. Days are written dd/mm/yyyy, as both languages write them here.
 */
const Bilingual = bilingualLabel('grant-statement__bi');

/** Amounts with the ISO code, the same in both languages: the figures are what both parties check. */
const amount = (minor: number, currency: string) => `${formatMinorPlain(minor, ',', '\u202f')} ${currency}`;

/** A table's header row, each column titled in both languages (`grants.print.<key>`). */
function HeadRow({ keys }: { keys: string[] }) {
  return (
    <thead>
      <tr>
        {keys.map((k) => (
          <th key={k}>
            <Bilingual k={`grants.print.${k}`} />
          </th>
        ))}
      </tr>
    </thead>
  );
}

const expenseColumns = ['date', 'line', 'supplier', 'description', 'receipt', 'amount'];

function ExpenseRows({ rows, currency, withReason }: { rows: Expense[]; currency: string; withReason: boolean }) {
  return (
    <>
      {rows.map((e) => (
        <tr key={e.id}>
          <td dir="ltr">{typedFromValue(e.date)}</td>
          <td>{e.budgetLineCode}</td>
          <td>{e.supplier}</td>
          <td>{e.description}</td>
          <td>{e.receiptNumber ?? e.attachmentName ?? ''}</td>
          <td className="grant-statement__amount">{amount(e.amountMinor, currency)}</td>
          {withReason && <td>{e.rejectionReason}</td>}
        </tr>
      ))}
    </>
  );
}

/** The statement (A4 portrait), for the on-screen preview and for printing. */
export function SubGrantStatementDocument({ statement, preview = false }: { statement: Statement; preview?: boolean }) {
  const { i18n } = useTranslation();
  const s = statement.subGrant;
  const c = s.currency;
  const accepted = statement.expenses.filter((e) => e.status === 'accepted');
  const rejected = statement.expenses.filter((e) => e.status === 'rejected');
  const f = statement.figures;
  return (
    <article className={`grant-statement a4-document${preview ? ' a4-document--preview' : ''}`} dir={i18n.dir()} lang={i18n.language} data-testid="grant-statement">
      <strong>{statement.associationName}</strong>
      <h1>
        <Bilingual k="grants.print.title" />
      </h1>
      <dl className="grant-statement__facts a4-document__facts">
        <dt>
          <Bilingual k="grants.print.subGrant" />
        </dt>
        <dd>
          {s.reference} — {s.title}
        </dd>
        <dt>
          <Bilingual k="grants.print.recipient" />
        </dt>
        <dd>
          {statement.recipient.name}
        </dd>
        {statement.recipient.rib && (
          <>
            <dt>
              <Bilingual k="grants.print.rib" />
            </dt>
            <dd dir="ltr">{statement.recipient.rib}</dd>
          </>
        )}
        <dt>
          <Bilingual k="grants.print.agreement" />
        </dt>
        <dd>
          {statement.agreement.reference} — {statement.agreement.title}
        </dd>
        <dt>
          <Bilingual k="grants.print.period" />
        </dt>
        <dd dir="ltr">
          {typedFromValue(s.startDate)} → {typedFromValue(s.endDate)}
        </dd>
        <dt>
          <Bilingual k="grants.print.amountGranted" />
        </dt>
        <dd>{amount(s.amountMinor, c)}</dd>
      </dl>

      <h2>
        <Bilingual k="grants.print.payments" />
      </h2>
      <table>
        <HeadRow keys={['date', 'tranche', 'method', 'reference', 'amount']} />
        <tbody>
          {statement.disbursements.map((p) => (
            <tr key={p.id}>
              <td dir="ltr">{typedFromValue(p.date)}</td>
              <td>{p.trancheSeq}</td>
              <td>
                <Bilingual k={`grants.method.${p.method}`} />
              </td>
              <td>{p.reference ?? ''}</td>
              <td className="grant-statement__amount">{amount(p.amountMinor, c)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>
        <Bilingual k="grants.print.accepted" />
      </h2>
      <table>
        <HeadRow keys={expenseColumns} />
        <tbody>
          <ExpenseRows rows={accepted} currency={c} withReason={false} />
        </tbody>
      </table>

      {rejected.length > 0 && (
        <>
          <h2>
            <Bilingual k="grants.print.rejected" />
          </h2>
          <table>
            <HeadRow keys={[...expenseColumns, 'reason']} />
            <tbody>
              <ExpenseRows rows={rejected} currency={c} withReason />
            </tbody>
          </table>
        </>
      )}

      <dl className="grant-statement__facts a4-document__facts grant-statement__balance">
        <dt>
          <Bilingual k="grants.print.totalPaid" />
        </dt>
        <dd>{amount(f.disbursedMinor, c)}</dd>
        <dt>
          <Bilingual k="grants.print.totalAccepted" />
        </dt>
        <dd>{amount(f.justifiedMinor, c)}</dd>
        <dt>
          <Bilingual k="grants.print.balance" />
        </dt>
        <dd data-testid="statement-balance">{amount(statement.balanceMinor, c)}</dd>
        <dt>
          <Bilingual k="grants.print.leftToPay" />
        </dt>
        <dd>{amount(f.leftToDisburseMinor, c)}</dd>
      </dl>

      <div className="grant-statement__signatures">
        <div className="grant-statement__signature">
          <Bilingual k="grants.print.signRecipient" />
        </div>
        <div className="grant-statement__signature">
          <Bilingual k="grants.print.signAssociation" />
        </div>
      </div>
      <div className="grant-statement__footer">
        <Bilingual k="grants.print.generated" values={{ date: statement.today }} />
      </div>
    </article>
  );
}

/** The same statement at the top of <body>, hidden on screen: print.css prints it alone. */
export function SubGrantStatementPrint({ statement }: { statement: Statement }) {
  return createPortal(
    <div className="print-sheet">
      <SubGrantStatementDocument statement={statement} />
    </div>,
    document.body,
  );
}
