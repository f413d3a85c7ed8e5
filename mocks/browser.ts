import { setupWorker, type SetupWorker } from 'msw/browser';
import { MockBackend, type MockOptions } from './backend.js';
import { createHandlers, type HandlerOptions } from './handlers.js';
import type { ScenarioName } from './scenarios.js';

export interface MockWorker {
  worker: SetupWorker;
  backend: MockBackend;
  /** Switches the scenario and resets the backend's state. */
  useScenario(name: ScenarioName, options?: MockOptions): void;
}

/** Starts MSW's service worker in the page, answering the HTTP contract from a `MockBackend`. */
export async function startMockWorker(
  options: HandlerOptions & MockOptions & { scenario?: ScenarioName; workerUrl?: string } = {},
): Promise<MockWorker> {
  const backend = new MockBackend(options.scenario ?? 'unlinked', { origin: location.origin, ...options });
  const worker = setupWorker(...createHandlers(backend, options));
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return {
    worker,
    backend,
    useScenario(name, scenarioOptions) {
      worker.resetHandlers();
      backend.reset(name, { origin: location.origin, ...scenarioOptions });
    },
  };
}
