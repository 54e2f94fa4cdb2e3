/**
 * Runs `work` at once, then again `intervalMs` after each run ends (never two at a time), until
 * stopped. A run that fails is reported and the next comes as usual: a mail server down for a
 * minute must not stop the loop for good.
 */
export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** True once stop() was called: a long run checks it between items to end early. */
  get isStopping(): boolean {
    return this.stopping;
  }

  start(): void {
    if (this.timer) return;
    this.stopping = false;
    const tick = () => {
      this.running = this.work()
        .catch(this.onError)
        .finally(() => {
          if (!this.stopping) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Resolves once the run under way, if any, has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
