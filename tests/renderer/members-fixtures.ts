import type { Member, MemberRow } from '../../electron/contract';

/** Khadija Benali, an active ordinary member since 2024; override any field. */
export const aMember = (more: Partial<Member> = {}): Member => ({
  id: 'm-1',
  number: '12',
  firstName: 'Khadija',
  lastName: 'Benali',
  arabicName: 'خديجة بنعلي',
  sex: 'female',
  birthDate: null,
  phones: ['+212661234567'],
  email: null,
  address: null,
  joinDate: '2024-03-10',
  category: 'standard',
  status: 'active',
  statusDate: null,
  role: 'member',
  mandateStart: null,
  mandateEnd: null,
  beneficiaryId: null,
  createdAt: '2024-03-10T10:00:00.000Z',
  updatedAt: '2024-03-10T10:00:00.000Z',
  archivedAt: null,
  ...more,
});

/** The same member as the list shows them, owing nothing for the year. */
export const aMemberRow = (more: Partial<MemberRow> = {}): MemberRow => ({ ...aMember(), due: 0, paid: 0, ...more });
