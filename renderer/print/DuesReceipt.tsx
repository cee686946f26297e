import { createPortal } from 'react-dom';
import type { DuesReceipt as Receipt } from '../../electron/contract';
import { BilingualText, bilingualLabel } from './bilingual';
import './print.css';
import './dues-receipt.css';

/** Every label in French and in Arabic together: a receipt is read by the member and by an auditor. */
const Both = bilingualLabel('dues-receipt__bi');

/** Amounts with Latin digits in both languages, as Moroccan receipts print them. */
const mad = (centimes: number) =>
  new Intl.NumberFormat('fr-MA', { style: 'currency', currency: 'MAD', currencyDisplay: 'code' }).format(centimes / 100);

const longDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** A dues receipt (A5 landscape-sized block on A4), the same markup on screen and on paper. */
export function DuesReceiptDocument({ receipt, preview = false }: { receipt: Receipt; preview?: boolean }) {
  const { payment, member, association, balance } = receipt;
  const remaining = Math.max(0, balance.balance);
  const dates = { fr: longDate(payment.date, 'fr-MA'), ar: longDate(payment.date, 'ar-MA') };
  return (
    <article className={`dues-receipt${preview ? ' dues-receipt--preview' : ''}`}>
      <header className="dues-receipt__head">
        <div>
          <strong>{association.name}</strong>
          <div>{association.city}</div>
        </div>
        <div className="dues-receipt__number">
          <Both k="members.receipt.number" />
          <strong>{payment.receiptNumber}</strong>
        </div>
      </header>
      <h1>
        <Both k="members.receipt.title" />
      </h1>
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
