import type { ChangeNotice } from './change-bus';

export interface CacheBounds<V> {
  maxEntries: number;
  /** With `weigh`: the most the entries may weigh together (e.g. bytes), oldest dropped first. */
  maxWeight?: number;
  weigh?: (key: string, value: V) => number;
}

/**
 * A bounded map whose fills are discarded when an invalidation happened while they were being
 * looked up: a lookup that read a key just before its deletion cannot put it back afterwards.
 */
export class InvalidatingCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly weights = new Map<string, number>();
  private weight = 0;
  private epoch = 0;

  constructor(
    private readonly bounds: CacheBounds<V>,
    private readonly belongsTo: (value: V, notice: ChangeNotice) => boolean,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** The epoch to hand back to `fill`, taken before the lookup starts. */
  begin(): number {
    return this.epoch;
  }

  fill(key: string, value: V, epoch: number): void {
    if (epoch !== this.epoch) return;
    this.delete(key);
    const weight = this.bounds.weigh?.(key, value) ?? 0;
    const maxWeight = this.bounds.maxWeight ?? Infinity;
    if (weight > maxWeight) return;
    // Oldest first: Map keeps insertion order.
    while (this.entries.size > 0 && (this.entries.size >= this.bounds.maxEntries || this.weight + weight > maxWeight)) {
      this.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, value);
    if (weight) {
      this.weights.set(key, weight);
      this.weight += weight;
    }
  }

  invalidate(notice: ChangeNotice): void {
    this.epoch++;
    for (const [key, value] of this.entries) if (this.belongsTo(value, notice)) this.delete(key);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.weights.clear();
    this.weight = 0;
  }

  private delete(key: string): void {
    if (!this.entries.delete(key)) return;
    this.weight -= this.weights.get(key) ?? 0;
    this.weights.delete(key);
  }
}
