/** One end-to-end scenario per test file: started before its tests, closed after them. */
import { afterAll, beforeAll } from 'vitest';
import { startScenario, type Scenario, type ScenarioOptions } from './harness.js';

export function useScenario(options: ScenarioOptions = {}): () => Scenario {
  let scenario: Scenario | undefined;
  beforeAll(async () => {
    scenario = await startScenario(options);
  }, 60_000);
  afterAll(async () => {
    await scenario?.close();
  });
  return () => {
    if (!scenario) throw new Error('the scenario has not started');
    return scenario;
  };
}
