import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../adapter/errors.js';

export type TaskState = 'initial' | 'pending' | 'complete' | 'error';

export interface AdapterTaskConfig<A extends readonly unknown[], R> {
  task: (args: A, options: { signal: AbortSignal }) => Promise<R>;
  /** Read before each update; a change (by identity) runs the task again. */
  args: () => A;
  onComplete?: (value: R) => void;
  onError?: (error: unknown) => void;
}

/**
 * Runs an adapter call for an element, in the spirit of `@lit/task` but only what we need:
 * re-runs when its arguments change, aborts the previous run, aborts when the element is
 * removed, and runs again when it is put back — so a moved element does its work exactly once.
 * While its first argument (the adapter) is `undefined` it waits in `initial`: a host that sets
 * the adapter late is not an error (the element decides when a missing adapter is one).
 */
export class AdapterTask<const A extends readonly unknown[], R> implements ReactiveController {
  state: TaskState = 'initial';
  value: R | undefined;
  error: unknown;
  private lastArgs: A | undefined;
  private controller: AbortController | undefined;
  private interrupted = false;
  private runId = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: AdapterTaskConfig<A, R>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.config.args();
    const last = this.lastArgs;
    if (!last || args.length !== last.length || args.some((a, i) => a !== last[i])) void this.run(args);
  }

  hostConnected(): void {
    if (this.interrupted) {
      this.interrupted = false;
      void this.run();
    }
  }

  hostDisconnected(): void {
    if (this.state === 'pending') {
      this.interrupted = true;
      this.controller?.abort();
    }
  }

  async run(args: A = this.config.args()): Promise<void> {
    this.lastArgs = args;
    this.controller?.abort();
    const id = ++this.runId;
    if (args[0] === undefined) {
      this.state = 'initial';
      this.value = undefined;
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.state = 'pending';
    this.host.requestUpdate();
    try {
      const value = await this.config.task(args, { signal: controller.signal });
      if (id !== this.runId) return;
      this.value = value;
      this.error = undefined;
      this.state = 'complete';
      this.config.onComplete?.(value);
    } catch (error) {
      if (id !== this.runId || (controller.signal.aborted && isAbortError(error))) return;
      this.error = error;
      this.state = 'error';
      this.config.onError?.(error);
    }
    this.host.requestUpdate();
  }
}
