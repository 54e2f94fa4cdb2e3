import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
// logged in to an account keeps a secret bound to that username; only its hash is stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_login_device')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_login_device_created_at')
    .on('auth_login_device')
    .column('created_at')
    .execute();
}
