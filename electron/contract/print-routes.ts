// The printable pages the core asks the host to turn into PDF files (the funder pack), and that
// the page itself opens: one definition so the two never drift apart. Hash routes of the renderer.
import type { Locale } from './roles';

export interface PrintPeriod {
  from: string;
  to: string;
}

/** The reports page of an agreement over a period, in one language: it prints the indicator report. */
export const reportPrintRoute = (input: PrintPeriod & { agreementId?: string; locale: Locale }): string =>
  `/reports?${new URLSearchParams({ from: input.from, to: input.to, lang: input.locale, ...(input.agreementId ? { agreement: input.agreementId } : {}) }).toString()}`;

/** An agreement's financial report (treasury), printed in one language whatever the UI's. */
export const agreementReportPrintRoute = (agreementId: string, locale: Locale): string =>
  `/treasury/agreements/${encodeURIComponent(agreementId)}?${new URLSearchParams({ lang: locale }).toString()}`;

/** Every session sheet of an activity in one document; with a period, only the sessions held in it. */
export const allSheetsRoute = (activityId: string, period?: PrintPeriod): string =>
  `/activities/${activityId}/sheets${period ? `?${new URLSearchParams({ from: period.from, to: period.to }).toString()}` : ''}`;

export interface CertificatesPrint {
  subject: 'activity' | 'cycle';
  subjectId: string;
  kind: 'participation' | 'completion';
  /** One page per person, in this order. */
  people: string[];
  /** Certificates print in one language, chosen at print time. */
  locale: 'fr' | 'ar';
}

/** The certificates of some people for an activity or a cycle, one page each; opening it issues those not yet issued. */
export const certificatesRoute = (input: CertificatesPrint): string =>
  `/activities/certificates?${new URLSearchParams({ subject: input.subject, id: input.subjectId, kind: input.kind, people: input.people.join(','), lang: input.locale }).toString()}`;

/** Set on a printable document's root once its data is drawn: the host prints it only then. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

/**
 * A path of our own renderer and nothing else: the host appends it to the app's address after
 * `#`, so it must not carry a scheme, a host (`//`), a fragment or a way out of the path.
 */
export function isPrintRoute(route: string): boolean {
  return /^\/[\w\-/.~?=&%]*$/.test(route) && !route.includes('//') && !route.split('?')[0].split('/').includes('..');
}

/** Checked in the printed page: the document is drawn and its fonts are loaded. */
export const PRINT_READY_CHECK = `document.querySelector('[${PRINT_READY_ATTRIBUTE}]') !== null && document.fonts.status === 'loaded'`;
