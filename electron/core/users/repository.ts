import type { Locale, Role, User } from '../../contract';
import type { Db } from '../db/database';

interface UserRow {
  id: string;
  display_name: string;
  role: Role;
  locale: Locale;
  must_change_password: 0 | 1;
  created_at: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  displayName: row.display_name,
  role: row.role,
  locale: row.locale,
  mustChangePassword: row.must_change_password === 1,
  createdAt: row.created_at,
});

export function listActiveUsers(db: Db): User[] {
  const rows = db
    .prepare('SELECT * FROM users WHERE removed_at IS NULL ORDER BY display_name COLLATE NOCASE')
    .all() as UserRow[];
  return rows.map(toUser);
}

export function findActiveUser(db: Db, id: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ? AND removed_at IS NULL').get(id) as UserRow | undefined;
  return row && toUser(row);
}

export function insertUser(db: Db, user: User): void {
  db.prepare(
    `INSERT INTO users (id, display_name, role, locale, must_change_password, created_at)
     VALUES (@id, @displayName, @role, @locale, @mustChangePassword, @createdAt)`,
  ).run({ ...user, mustChangePassword: user.mustChangePassword ? 1 : 0 });
}

export function markUserRemoved(db: Db, id: string, at: string): void {
  db.prepare('UPDATE users SET removed_at = ? WHERE id = ?').run(at, id);
}

export function setUserLocale(db: Db, id: string, locale: Locale): void {
  db.prepare('UPDATE users SET locale = ? WHERE id = ?').run(locale, id);
}

export function setMustChangePassword(db: Db, id: string, value: boolean): void {
  db.prepare('UPDATE users SET must_change_password = ? WHERE id = ?').run(value ? 1 : 0, id);
}

export function countActivePresidents(db: Db): number {
  return (
    db.prepare("SELECT count(*) AS n FROM users WHERE role = 'president' AND removed_at IS NULL").get() as {
      n: number;
    }
  ).n;
}
