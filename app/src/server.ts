// Entry point: `node dist/server.js`. Reads the environment, starts the service, stops on SIGTERM/SIGINT.
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { APP_VERSION, LOG } from './messages.js';

function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      // One clear line, then exit 1: in Kubernetes this is the CrashLoopBackOff the lessons show.
      createLogger('info').error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  logger.info(LOG.starting, {
    version: APP_VERSION,
    mode: config.mode,
    port: config.port,
    groqApiKey: config.groqApiKey ? 'set' : 'unset',
    huggingfaceApiKey: config.huggingfaceKeySet ? 'set' : 'unset',
  });
  const app = createApp({ config, logger });
  app.listen().catch((err: unknown) => {
    logger.error(LOG.internalError, { error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(LOG.shuttingDown, { signal, timeoutMs: config.shutdownTimeoutMs });
    const timer = setTimeout(() => {
      logger.warn(LOG.forcedExit, { timeoutMs: config.shutdownTimeoutMs });
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    void app.shutdown().then(() => {
      logger.info(LOG.stopped);
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
