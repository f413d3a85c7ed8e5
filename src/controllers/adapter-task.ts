import { Task, TaskStatus, type TaskConfig } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/**
 * A `Task` for adapter calls that also respects the element's life: removing the element
 * aborts the request in flight (its `AbortSignal` reaches `fetch`), and putting it back
 * runs the task again, so that moving an element in the DOM leaves exactly one run.
 */
export class AdapterTask<const T extends readonly unknown[], R> extends Task<T, R> {
  private interrupted = false;

  constructor(host: ReactiveControllerHost, config: TaskConfig<T, R>) {
    super(host, config);
  }

  hostConnected(): void {
    if (this.interrupted) {
      this.interrupted = false;
      void this.run();
    }
  }

  hostDisconnected(): void {
    if (this.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.abort();
    }
  }
}
