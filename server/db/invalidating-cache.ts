import type { ChangeNotice } from './change-bus';

/**
 * A bounded map whose fills are discarded when an invalidation happened while they were being
 * looked up: a lookup that read a key just before its deletion cannot put it back afterwards.
 */
export class InvalidatingCache<V> {
  private readonly entries = new Map<string, V>();
  private epoch = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly belongsTo: (value: V, notice: ChangeNotice) => boolean,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** The epoch to hand back to `fill`, taken before the lookup starts. */
  begin(): number {
    return this.epoch;
  }

  fill(key: string, value: V, epoch: number): void {
    if (epoch !== this.epoch) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }

  invalidate(notice: ChangeNotice): void {
    this.epoch++;
    for (const [key, value] of this.entries) if (this.belongsTo(value, notice)) this.entries.delete(key);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}
