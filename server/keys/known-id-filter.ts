/**
 * Which public ids (App IDs) might exist, in about 1.2 bytes per id: a Bloom filter. "No" is
 * certain, so a credential with an id that was never issued is refused without a database
 * lookup; "maybe" (an id issued since, or one of the ~1% false positives, or a deleted key's id)
 * is looked up as before. Ids are only added: a deleted key's id stays a "maybe" until the
 * filter is rebuilt from the database.
 */
export class KnownIdFilter {
  private readonly bits: Uint32Array;
  private readonly size: number;
  private added = 0;

  /** Sized for `capacity` ids at about 1% false positives (9.6 bits and 7 probes per id). */
  constructor(readonly capacity: number) {
    this.size = Math.max(1024, Math.ceil(capacity * 9.6));
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  /** Ids added so far; past `capacity` the false positives grow, and the owner rebuilds. */
  get count(): number {
    return this.added;
  }

  add(id: string): void {
    const [first, step] = hashes(id);
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = (first + probe * step) % this.size;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.added++;
  }

  mayContain(id: string): boolean {
    const [first, step] = hashes(id);
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = (first + probe * step) % this.size;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

const PROBES = 7;

/**
 * Two independent 32-bit hashes of the id (FNV-1a with two offsets), combined by double hashing
 * (Kirsch and Mitzenmacher) into the probes. The step is odd, so probes never repeat one bit.
 */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
