import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { buildApp, DEFAULT_WEB_ROOT } from './app.js';
import { DEMO_LOGINS, seedDemo } from './demo-seed.js';

/**
 * Opens the database, applies migrations, seeds the demo on a first start with an empty embedded
 * database, and listens. SIGINT/SIGTERM close the server after in-flight requests finish.
 */
export async function serve(
  config: Config,
  out: (line: string) => void = console.log,
): Promise<FastifyInstance> {
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  if (database.dialect === 'sqlite' && config.RELAIS_SEED_DEMO === 'auto') {
    const report = await seedDemo(database.db);
    if (report.seeded) {
      out(
        `Demo data seeded: ${report.people} people, ${report.faqEntries} FAQ entries. Demo logins (password "${report.password}"):`,
      );
      out(`  ${DEMO_LOGINS.join(', ')}`);
    }
  }
  const app = await buildApp({ config, database, webRoot: DEFAULT_WEB_ROOT });
  app.addHook('onClose', async () => database.close());
  await app.listen({ port: config.PORT, host: config.HOST });
  out(
    `Relais is ready at ${config.publicUrl} (database: ${database.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL'})`,
  );

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down after in-flight requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}
