import { useTranslation } from 'react-i18next';

/** French then Arabic, each in its own direction: every printed document shows both, whatever the UI language. */
export function BilingualText({ className, fr, ar }: { className: string; fr: string; ar: string }) {
  return (
    <span className={className}>
      <span lang="fr" dir="ltr">
        {fr}
      </span>
      <span lang="ar" dir="rtl">
        {ar}
      </span>
    </span>
  );
}

export interface BilingualProps {
  /** A translation key, read in French and in Arabic. */
  k: string;
  values?: Record<string, string | number>;
}

/** A document's bilingual label component; the class lets each document lay the pair out its own way. */
export function bilingualLabel(className: string) {
  return function Bilingual({ k, values }: BilingualProps) {
    const { i18n } = useTranslation();
    return <BilingualText className={className} fr={i18n.getFixedT('fr')(k, values)} ar={i18n.getFixedT('ar')(k, values)} />;
  };
}
