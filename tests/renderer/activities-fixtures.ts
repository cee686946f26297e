import type { ActivityDetail, AttendanceRow, AttendanceSheet } from '../../electron/contract';

export const activity: ActivityDetail['activity'] = {
  id: 'a-1',
  reference: 'A-2026-00001',
  title: 'Prévention de la radicalisation',
  type: 'training_module',
  theme: 'radicalisation_prevention',
  project: null,
  facilitators: 'Samira',
  place: 'Maison de quartier',
  targetAudience: null,
  plannedParticipants: 20,
  startDate: '2026-03-03',
  endDate: null,
  completionThreshold: 75,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  archivedAt: null,
};

export const person = (n: number, name: string): AttendanceRow => ({
  beneficiaryId: `b-${n}`,
  reference: `B-2026-0000${n}`,
  displayName: name,
  arabicName: null,
  sex: 'female',
  age: 30,
  category: 'refugee',
  nationality: 'SN',
  phone: null,
  pseudonymous: false,
  archived: false,
  walkIn: false,
  sheetOrder: n,
  registeredAt: '2026-03-01T10:00:00Z',
  status: null,
});

export const sheet: AttendanceSheet = {
  session: {
    id: 's-1',
    activityId: 'a-1',
    date: '2026-03-03',
    startTime: '10:00',
    endTime: '12:00',
    place: null,
    facilitator: null,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
  },
  activity,
  editable: true,
  rows: [person(1, 'Awa Diallo'), person(2, 'Fatima Zahra'), person(3, 'Mariam Koné')],
  counts: { present: 0, absent: 0, excused: 0, unmarked: 3 },
  registeredCount: 3,
  overPlanned: false,
};
