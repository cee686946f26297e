import { createPortal } from 'react-dom';
import type { DuesReceipt as Receipt } from '../../electron/contract';
import { BilingualText, bilingualLabel } from './bilingual';
import { numberFormats } from '../ui/numbers';
import { amountInWords } from './amount-in-words';
import './print.css';
import './dues-receipt.css';

/** Every label in French and in Arabic together: a receipt is read by the member and by an auditor. */
const Both = bilingualLabel('dues-receipt__bi');

/** Amounts written once, the French way (Latin digits, MAD after), as Moroccan receipts print them. */
const mad = (centimes: number) => numberFormats('fr').money(centimes);

const longDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** A dues receipt (A5 landscape-sized block on A4), the same markup on screen and on paper. */
export function DuesReceiptDocument({ receipt, preview = false }: { receipt: Receipt; preview?: boolean }) {
  const { payment, member, association, balance } = receipt;
  const remaining = Math.max(0, balance.balance);
  const dates = { fr: longDate(payment.date, 'fr-MA'), ar: longDate(payment.date, 'ar-MA') };
  const words = { fr: amountInWords(payment.amount, 'fr'), ar: amountInWords(payment.amount, 'ar') };
  const reversedOn = payment.reversal ? longDate(payment.reversal.date, 'fr-MA') : '';
  return (
    <article className={`dues-receipt${preview ? ' dues-receipt--preview' : ''}`}>
      <header className="dues-receipt__head">
        {association.logo && <img className="dues-receipt__logo" src={`data:${association.logo.mime};base64,${association.logo.contentBase64}`} alt={association.name} />}
        <div className="dues-receipt__association">
          <strong>{association.name}</strong>
          {association.address && <div dir="auto">{association.address}</div>}
          <div>{association.city}</div>
          {association.registrationNumber && (
            <div>
              <Both k="members.receipt.registration" /> {association.registrationNumber}
            </div>
          )}
        </div>
        <div className="dues-receipt__number">
          <Both k="members.receipt.number" />
          <strong>{payment.receiptNumber}</strong>
        </div>
      </header>
      <h1>
        <Both k="members.receipt.title" />
      </h1>
      {/* A reversed payment keeps its number (no gap), and its receipt says it no longer counts. */}
      {payment.reversal && (
        <p className="dues-receipt__reversed">
          <Both k="members.receipt.reversed" />
          <span>{reversedOn}</span>
          <span dir="auto">{payment.reversal.reason}</span>
        </p>
      )}
      <dl className="dues-receipt__facts">
        <dt>
          <Both k="members.receipt.receivedFrom" />
        </dt>
        <dd>
          <span dir="auto">
            {member.firstName} {member.lastName}
          </span>
          {/* An inline right-to-left name inside a block of the page's direction: aligned with the Latin name. */}
          {member.arabicName && (
            <div>
              <span lang="ar" dir="rtl">
                {member.arabicName}
              </span>
            </div>
          )}
        </dd>
        <dt>
          <Both k="members.receipt.memberNumber" />
        </dt>
        <dd>{member.number}</dd>
        <dt>
          <Both k="members.receipt.amount" />
        </dt>
        <dd>
          <strong>{mad(payment.amount)}</strong>
        </dd>
        {/* Spelt out in both languages, as Moroccan receipts do, so the figure cannot be altered. */}
        <dt>
          <Both k="members.receipt.amountInWords" />
        </dt>
        <dd className="dues-receipt__words">
          <span lang="fr" dir="ltr">
            {words.fr}
          </span>
          <span lang="ar" dir="rtl">
            {words.ar}
          </span>
        </dd>
        <dt>
          <Both k="members.receipt.for" />
        </dt>
        <dd>
          <Both k="members.receipt.duesOfYear" values={{ year: payment.year }} />
        </dd>
        <dt>
          <Both k="members.receipt.method" />
        </dt>
        <dd>
          <Both k={`members.method.${payment.method}`} />
        </dd>
        <dt>
          <Both k="members.receipt.date" />
        </dt>
        <dd>
          <BilingualText className="dues-receipt__bi" fr={dates.fr} ar={dates.ar} />
        </dd>
        {payment.note && (
          <>
            <dt>
              <Both k="members.receipt.note" />
            </dt>
            <dd dir="auto">{payment.note}</dd>
          </>
        )}
        <dt>
          <Both k="members.receipt.remaining" values={{ year: payment.year }} />
        </dt>
        <dd>{mad(remaining)}</dd>
      </dl>
      <footer className="dues-receipt__foot">
        <div>
          <Both k="members.receipt.collectedBy" />
          <div>{payment.collectedByName}</div>
        </div>
        <div className="dues-receipt__signature">
          <Both k="members.receipt.signature" />
        </div>
      </footer>
      {/* The counterfoil the association keeps once the receipt is cut off and handed over. */}
      <section className="dues-receipt__stub" aria-labelledby={`stub-${payment.id}`}>
        <div className="dues-receipt__cut">
          <Both k="members.receipt.cut" />
        </div>
        <div className="dues-receipt__stub-title" id={`stub-${payment.id}`}>
          <Both k="members.receipt.stub" />
        </div>
        <dl className="dues-receipt__facts dues-receipt__facts--stub">
          <dt>
            <Both k="members.receipt.number" />
          </dt>
          <dd>
            <strong>{payment.receiptNumber}</strong>
          </dd>
          <dt>
            <Both k="members.receipt.receivedFrom" />
          </dt>
          <dd>
            <span dir="auto">
              {member.firstName} {member.lastName}
            </span>{' '}
            ({member.number})
          </dd>
          <dt>
            <Both k="members.receipt.amount" />
          </dt>
          <dd>{mad(payment.amount)}</dd>
          <dt>
            <Both k="members.receipt.date" />
          </dt>
          <dd>{dates.fr}</dd>
        </dl>
      </section>
    </article>
  );
}

/** The receipt at the top of <body>, hidden on screen: print.css prints it alone. */
export function DuesReceiptPrint({ receipt }: { receipt: Receipt }) {
  return createPortal(
    <div className="print-sheet">
      <DuesReceiptDocument receipt={receipt} />
    </div>,
    document.body,
  );
}
