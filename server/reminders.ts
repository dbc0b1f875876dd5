/**
 * The reminder job of this process: every minute, queue the reminders that are due (deadlines,
 * sessions) and send whatever is queued, once soon after start so that a restart picks up the
 * work a killed process left. Several processes may run it at once: queuing is idempotent and
 * sending claims rows in the database (domain/reminders).
 */
import { queueDueReminders } from '../domain/reminders/queue.ts';
import { sendQueuedReminders } from '../domain/reminders/sender.ts';
import type { Services } from './services.ts';

export interface ReminderJob {
  /** Runs the job now (or once more after the current run). */
  run(): Promise<void>;
  /** No more runs; resolves when the current one has finished. */
  stop(): Promise<void>;
}

export function scheduleReminders(services: Pick<Services, 'db' | 'mailer' | 'config'>, log: (message: string) => void, options: { everyMs?: number; firstAfterMs?: number } = {}): ReminderJob {
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const once = async () => {
    const queued = services.config.automaticReminders ? await queueDueReminders(services.db) : 0;
    const sent = await sendQueuedReminders(services.db, services.mailer, { origin: services.config.appOrigin, leaseMs: services.config.reminderLeaseMs });
    if (queued || sent) log(`Reminders: ${queued} queued, ${sent} sent.`);
  };
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (current) {
      again = true;
      return current;
    }
    current = once()
      .catch((error) => log(`reminders failed: ${(error as Error).message}`))
      .finally(() => {
        current = null;
        if (again && !stopped) {
          again = false;
          void run();
        }
      });
    return current;
  };
  const first = setTimeout(() => void run(), options.firstAfterMs ?? 5_000);
  const timer = setInterval(() => void run(), options.everyMs ?? 60_000);
  first.unref();
  timer.unref();
  return {
    run,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await current;
    },
  };
}
