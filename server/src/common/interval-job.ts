import { Logger } from '@nestjs/common';

/**
 * Runs `work` every `seconds` (0 = never), logging failures instead of crashing; the timer does not keep the
 * process alive. Returns the function that stops it. The jobs it runs must be safe to run twice (guarded updates).
 */
export function startIntervalJob(name: string, seconds: number, work: () => Promise<unknown>): () => void {
  if (seconds === 0) return () => undefined;
  const logger = new Logger(name);
  const timer = setInterval(() => {
    work().catch((error: unknown) => logger.error({ msg: `${name} failed`, err: String(error) }));
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
