import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp();
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}/`;
  const logger = new Logger('Bootstrap');
  logger.log({ msg: 'hall-menu is running', url, docs: `${url}api/docs`, database: config.database.kind, demoMode: config.demoMode });
  // A plain line too, for the person who just ran `npm start`.
  process.stdout.write(`\n  礼堂点单 hall-menu: open ${url}  (API docs: ${url}api/docs)\n\n`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
