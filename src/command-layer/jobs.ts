/**
 * Runs the commands' scheduled jobs with node-cron: once at start (to catch up on anything due while
 * the bot was down), then on each job's clock. A failing run is logged and the next one still comes.
 */
import { schedule, type ScheduledTask } from 'node-cron';
import type { AppServices } from './types.js';

export interface RunningJobs {
  stop(): void;
}

export function startScheduledJobs(app: AppServices): RunningJobs {
  const tasks: ScheduledTask[] = [];
  for (const job of app.commands().flatMap((command) => command.scheduled ?? [])) {
    const run = async () => {
      try {
        await job.run(app);
      } catch (error) {
        app.logger.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    };
    tasks.push(schedule(job.cron, run, { name: job.name, noOverlap: true }));
    void run();
  }
  return {
    stop() {
      for (const task of tasks) void task.destroy();
    },
  };
}
