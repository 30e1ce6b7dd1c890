/**
 * The one job runner: a run already going when the jobs stop is waited for, a failing run is logged, a
 * job that asks to run again soon does (and not once stopped), and runs of one job never overlap.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduledJobs } from '../../src/command-layer/jobs.js';
import type { AppServices, ScheduledJob } from '../../src/command-layer/types.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => app.dispose());

/** The app's real commands, plus one more carrying the given jobs (it runs once at start, then hourly). */
function withJobs(jobs: ScheduledJob[]): AppServices {
  const [first] = app.services.commands();
  return { ...app.services, commands: () => [{ ...first!, scheduled: jobs }] };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('startScheduledJobs', () => {
  it('lets a run that is under way finish before idle() resolves, even after stop()', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const jobs = startScheduledJobs(
      withJobs([{ name: 'slow', cron: '0 * * * *', run: async () => {
        await gate;
        finished = true;
      } }]),
    );
    jobs.stop();
    let idle = false;
    const waiting = jobs.idle().then(() => (idle = true));
    await nextTurn();
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(finished).toBe(true);
  });

  it('runs a job again when it asks to, before its clock would, and not after stop()', async () => {
    let runs = 0;
    let secondRun!: () => void;
    const ranTwice = new Promise<void>((resolve) => (secondRun = resolve));
    const jobs = startScheduledJobs(
      withJobs([{ name: 'waits for a lease', cron: '0 0 1 1 *', run: async (services) => {
        runs += 1;
        if (runs === 2) secondRun();
        // The first run finds a claim another process holds until now; the second finds nothing left to wait for.
        return runs === 1 ? { runAgainAt: services.now() } : undefined;
      } }]),
    );
    await jobs.started;
    await ranTwice;
    jobs.stop();
    await jobs.idle();
    expect(runs).toBe(2);
  });

  it('logs a failing run with the job’s name and still becomes idle', async () => {
    const jobs = startScheduledJobs(withJobs([{ name: 'broken', cron: '0 * * * *', run: () => Promise.reject(new Error('no channel')) }]));
    jobs.stop();
    await jobs.idle();
    expect(app.logs()).toContain('"job":"broken"');
    expect(app.logs()).toContain('no channel');
  });
});
