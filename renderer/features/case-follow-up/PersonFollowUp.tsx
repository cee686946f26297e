/** The follow-up of one person (notes, procedures, referrals), shown on their page. */
export function PersonFollowUp(_props: { beneficiaryId: string }) {
  return null;
}
