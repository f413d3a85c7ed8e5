// Shared by browser tests: one MSW worker per test page, a fresh backend per scenario.
import { startMockWorker, type MockWorker } from '../mocks/browser.js';
import type { MockOptions } from '../mocks/backend.js';
import type { ScenarioName } from '../mocks/scenarios.js';
import { createHttpAdapter } from '../src/adapter/http-adapter.js';
import type { HttpAdapterOptions } from '../src/adapter/http-adapter.js';

let started: Promise<MockWorker> | undefined;

export function mocks(): Promise<MockWorker> {
  started ??= startMockWorker();
  return started;
}

/** Resets the mock backend to a scenario and returns an HTTP adapter pointed at it. */
export async function scenario(name: ScenarioName, options: MockOptions & Partial<HttpAdapterOptions> = {}) {
  const m = await mocks();
  m.useScenario(name, { vkidPageUrl: `${location.origin}/demo/mock-vkid/index.html`, ...options });
  const adapter = createHttpAdapter({
    baseUrl: '/api/sferum',
    timeoutMs: options.timeoutMs ?? 2000,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    allowedHosts: [location.origin],
    ...options,
  });
  return { adapter, backend: m.backend, worker: m.worker };
}
