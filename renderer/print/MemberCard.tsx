import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../electron/contract';
import './print.css';
import './member-card.css';

export interface MemberCardProps {
  member: Member;
  associationName: string;
  /** The membership year the card is valid for. */
  year: number;
}

/** A wallet-sized card (85.6 × 54 mm), French and Arabic together. */
export function MemberCardDocument({ member, associationName, year, preview = false }: MemberCardProps & { preview?: boolean }) {
  const { i18n } = useTranslation();
  const fr = i18n.getFixedT('fr');
  const ar = i18n.getFixedT('ar');
  const text = {
    title: [fr('members.card.title', { year }), ar('members.card.title', { year })],
    number: [fr('members.card.number'), ar('members.card.number')],
    roleLabel: [fr('members.field.role'), ar('members.field.role')],
    role: [fr(`members.role.${member.role}`), ar(`members.role.${member.role}`)],
  };
  return (
    <article className={`member-card${preview ? ' member-card--preview' : ''}`}>
      <header className="member-card__head">
        <strong>{associationName}</strong>
        <span className="member-card__title">
          <span lang="fr">{text.title[0]}</span>
          <span lang="ar" dir="rtl">
            {text.title[1]}
          </span>
        </span>
      </header>
      <div className="member-card__name" dir="auto">
        {member.firstName} {member.lastName}
      </div>
      {member.arabicName && (
        <div className="member-card__name" lang="ar" dir="rtl">
          {member.arabicName}
        </div>
      )}
      <dl>
        <dt>
          {text.number[0]} · <span lang="ar">{text.number[1]}</span>
        </dt>
        <dd>{member.number}</dd>
        <dt>
          {text.roleLabel[0]} · <span lang="ar">{text.roleLabel[1]}</span>
        </dt>
        <dd>
          {text.role[0]} · <span lang="ar">{text.role[1]}</span>
        </dd>
      </dl>
    </article>
  );
}

export function MemberCardPrint(props: MemberCardProps) {
  return createPortal(
    <div className="print-sheet">
      <MemberCardDocument {...props} />
    </div>,
    document.body,
  );
}
