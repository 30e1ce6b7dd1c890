/**
 * The one runner for everything scheduled: the jobs the commands declare (the daily post, closing group
 * rounds on time, closing expired games, pruning attempt marks) each run once at start, to catch up on
 * anything due while the bot was down, then on their cron clock. A job may ask for one extra run before
 * its next clock time (a claim another process holds runs out then). A failing run is logged and the next
 * one still comes; runs of one job never overlap (a run asked for while one is going follows it).
 */
import { schedule, type ScheduledTask } from 'node-cron';
import type { AppServices, ScheduledJob } from './types.js';

export interface RunningJobs {
  /** No new runs start; runs already going carry on (see idle). */
  stop(): void;
  /** Resolves when no run is going, so shutting down never cuts a job off halfway through a post or an edit. */
  idle(): Promise<void>;
  /** Resolves once every job's start-up run (and any run queued behind it) has finished. */
  readonly started: Promise<void>;
}

/** An extra run sooner than this after the last is pointless churn; later than this, the clock's next run comes first anyway. */
const EXTRA_RUN_MIN_DELAY_MS = 200;
const EXTRA_RUN_MAX_DELAY_MS = 60_000;

/** Every job the commands declare. */
export function commandJobs(app: AppServices): ScheduledJob[] {
  return app.commands().flatMap((command) => command.scheduled ?? []);
}

export function startScheduledJobs(app: AppServices, jobs: readonly ScheduledJob[] = commandJobs(app)): RunningJobs {
  const tasks: ScheduledTask[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  /** Runs `job` now, or right after its run under way; resolves when that run (or the one it joined) is done. */
  function runnerFor(job: ScheduledJob): () => Promise<void> {
    let current: Promise<void> | undefined;
    let queued: Promise<void> | undefined;

    const once = async (): Promise<void> => {
      let outcome;
      try {
        outcome = await job.run(app);
      } catch (error) {
        app.logger.error({ err: error, job: job.name }, 'scheduled job failed');
        return;
      }
      if (outcome?.runAgainAt && !stopped) {
        const delay = Math.min(Math.max(outcome.runAgainAt.getTime() - app.now().getTime(), EXTRA_RUN_MIN_DELAY_MS), EXTRA_RUN_MAX_DELAY_MS);
        const timer = setTimeout(() => {
          timers.delete(timer);
          void trigger();
        }, delay);
        // Pending extra runs never keep a stopping process alive.
        timer.unref();
        timers.add(timer);
      }
    };

    const start = (): Promise<void> => {
      const run = once().finally(() => {
        running.delete(run);
        if (current === run) current = undefined;
      });
      running.add(run);
      current = run;
      return run;
    };

    const trigger = (): Promise<void> => {
      if (stopped) return current ?? Promise.resolve();
      if (!current) return start();
      // One run waits behind the one going, however many are asked for meanwhile.
      queued ??= current.then(() => {
        queued = undefined;
        return stopped ? undefined : start();
      });
      return queued;
    };
    return trigger;
  }

  const startUp: Promise<void>[] = [];
  for (const job of jobs) {
    const trigger = runnerFor(job);
    tasks.push(schedule(job.cron, () => trigger(), { name: job.name, noOverlap: true }));
    startUp.push(trigger());
  }
  const started = Promise.all(startUp).then(() => {
    app.logger.info({ jobs: jobs.map((job) => job.name) }, 'start-up jobs done');
  });

  return {
    started,
    stop() {
      stopped = true;
      for (const task of tasks) void task.destroy();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
