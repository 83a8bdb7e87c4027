interface Task {
  readonly work: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs resource creations one at a time, like a careful `pulumi up` that happens to pick the
 * worst order: creations that became ready in the same turn of the event loop (their inputs
 * resolved together, so the engine would run them in parallel) run in REVERSE order of
 * registration. A resource that needs another one but does not depend on it (by an input or
 * `dependsOn`) then fails every time instead of passing by luck.
 */
export class ReadyQueue {
  private batch: Task[] = [];
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private started = 0;

  /** Number of creations queued or running. */
  get pending(): number {
    return this.inFlight;
  }

  /** Number of creations ever queued. */
  get total(): number {
    return this.started;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    this.started++;
    return new Promise<T>((resolve, reject) => {
      this.batch.push({
        work,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (this.batch.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.batch.reverse();
    this.batch = [];
    this.chain = this.chain.then(async () => {
      for (const task of batch) {
        try {
          task.resolve(await task.work());
        } catch (error) {
          task.reject(error);
        } finally {
          this.inFlight--;
        }
      }
    });
  }

  /** Resolves once nothing has been queued or run for a few turns of the event loop. */
  async idle(): Promise<void> {
    let quiet = 0;
    let seen = -1;
    while (quiet < 3) {
      await new Promise(resolve => setTimeout(resolve, 15));
      if (this.inFlight === 0 && this.started === seen) quiet++;
      else quiet = 0;
      seen = this.started;
    }
  }
}
