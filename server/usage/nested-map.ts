/**
 * Values under a key of a fixed number of parts, held as maps within maps. Finding one hashes
 * each part as the caller holds it, and strings keep their hash once computed, so counting a
 * request whose key label, endpoint and method are the same strings as last time hashes nothing
 * new; a key joined into one string was a new string to build and hash on every request.
 */
export class NestedMap<Parts extends readonly unknown[], V> {
  readonly #root = new Map<unknown, unknown>();
  #size = 0;

  constructor(private readonly depth: Parts['length']) {}

  get size(): number {
    return this.#size;
  }

  get(parts: Parts): V | undefined {
    let level: Map<unknown, unknown> | undefined = this.#root;
    for (let index = 0; index < this.depth - 1 && level; index++) level = level.get(parts[index]) as Map<unknown, unknown> | undefined;
    return level?.get(parts[this.depth - 1]) as V | undefined;
  }

  set(parts: Parts, value: V): void {
    let level = this.#root;
    for (let index = 0; index < this.depth - 1; index++) {
      let next = level.get(parts[index]) as Map<unknown, unknown> | undefined;
      if (!next) level.set(parts[index], (next = new Map()));
      level = next;
    }
    const last = parts[this.depth - 1];
    if (!level.has(last)) this.#size++;
    level.set(last, value);
  }

  *values(): IterableIterator<V> {
    function* walk(level: Map<unknown, unknown>, depth: number): IterableIterator<V> {
      for (const value of level.values()) {
        if (depth === 1) yield value as V;
        else yield* walk(value as Map<unknown, unknown>, depth - 1);
      }
    }
    yield* walk(this.#root, this.depth);
  }
}
