/**
 * Runs the commands' scheduled jobs with node-cron: once at start (to catch up on anything due while
 * the bot was down), then on each job's clock. A failing run is logged and the next one still comes.
 */
import { schedule, type ScheduledTask } from 'node-cron';
import type { AppServices } from './types.js';

export interface RunningJobs {
  /** No new runs start; runs already going carry on (see idle). */
  stop(): void;
  /** Resolves when no run is going, so shutting down never cuts a job off halfway through a post or an edit. */
  idle(): Promise<void>;
}

export function startScheduledJobs(app: AppServices): RunningJobs {
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<void>>();
  for (const job of app.commands().flatMap((command) => command.scheduled ?? [])) {
    const run = async () => {
      const current = Promise.resolve()
        .then(() => job.run(app))
        .catch((error: unknown) => app.logger.error({ err: error, job: job.name }, 'scheduled job failed'));
      running.add(current);
      try {
        await current;
      } finally {
        running.delete(current);
      }
    };
    tasks.push(schedule(job.cron, run, { name: job.name, noOverlap: true }));
    void run();
  }
  return {
    stop() {
      for (const task of tasks) void task.destroy();
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
