/**
 * A progress bar on standard error, for runs long enough to wonder about: it appears only when
 * standard error is a terminal and the run has gone on for half a second, and redraws at most ten
 * times a second. Piped or redirected, it prints nothing.
 */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

export class Progress {
  private done = 0;
  private chars = 0;
  private drawn = false;
  private lastDraw = 0;
  private readonly startedAt: number;

  constructor(
    private readonly stream: ProgressStream,
    /** The number of documents, when known. */
    private readonly total: number | undefined,
    private readonly enabled = stream.isTTY === true,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.startedAt = now();
  }

  /** One more document done, of `chars` characters. */
  tick(chars: number): void {
    this.done++;
    this.chars += chars;
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.startedAt < 500 || t - this.lastDraw < 100) return;
    this.lastDraw = t;
    this.stream.write(`\r${this.line(t)}\u001b[K`);
    this.drawn = true;
  }

  /** Clears the bar, leaving standard error as it was (the next tick draws it again). */
  finish(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }

  /** The bar's text at time `t`. */
  line(t: number): string {
    const seconds = Math.max((t - this.startedAt) / 1000, 0.001);
    const mb = (this.chars * 2) / 2 ** 20;
    const stats = `${this.done}${this.total !== undefined ? `/${this.total}` : ''} files · ${mb.toFixed(1)} MB · ${(mb / seconds).toFixed(1)} MB/s`;
    if (this.total === undefined || this.total === 0) return `kashif ${stats}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns || 80) - stats.length - 16));
    const filled = Math.round((width * this.done) / this.total);
    return `kashif [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${stats}`;
  }
}
