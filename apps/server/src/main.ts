/**
 * `pnpm start`: opens the store (SQLite in DATA_DIR, default ./data; or DATABASE_URL),
 * builds the server, listens on HOST:PORT and says where it is — and, on a fresh install,
 * that the owner account is still to be created.
 */
import { openDatabase } from '@multitable/storage';
import { buildApp } from './app';
import { readConfig, storageConfigOf } from './config';
import { setupNeeded } from './services/accounts/setup';

async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(storageConfigOf(config));
  const app = await buildApp({ database, config });
  await app.listen({ host: config.host, port: config.port });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = config.publicUrl ?? `http://${host}:${port}`;
  console.log(`Multitable is running at ${url}`);
  if (await setupNeeded(app.platform)) {
    console.log(`First run: open ${url} in a browser to create the owner account (or POST ${url}/api/v1/setup; API reference: ${url}/api/docs)`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Multitable could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
