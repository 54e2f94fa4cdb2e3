import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { DEMO_LOGINS, seedDemo } from '../../server/demo-seed.js';
import { serve } from '../../server/serve.js';
import { withDatabase } from '../context.js';

export async function serveCommand(): Promise<void> {
  await serve(loadConfig());
}

export async function migrateCommand(): Promise<void> {
  // Not withDatabase: it migrates first, and this command must report what it applied.
  const database = openDatabase(loadConfig());
  try {
    const { applied } = await migrateToLatest(database.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await database.close();
  }
}

export async function seedCommand(): Promise<void> {
  const report = await withDatabase(({ db }) => seedDemo(db));
  if (!report.seeded) {
    console.log('The database already has people: nothing seeded.');
    return;
  }
  console.log(
    `Seeded ${report.people} people and ${report.faqEntries} FAQ entries. Demo logins (password "${report.password}"): ${DEMO_LOGINS.join(', ')}`,
  );
}
