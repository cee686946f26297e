import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { accountsPath, journalPath, yearPath } from './paths';

const pages = { journal: journalPath, accounts: accountsPath, year: yearPath } as const;

/** The treasury pages' title and the links to the other two. */
export function TreasuryHeader({ page, intro }: { page: keyof typeof pages; intro: string }) {
  const { t } = useTranslation();
  const links = (Object.keys(pages) as (keyof typeof pages)[]).filter((p) => p !== page).map((p) => ({ to: pages[p], label: t(`treasury.nav.${p}`) }));
  return <PageHeader title={t(`treasury.nav.${page}`)} intro={intro} links={links} />;
}
