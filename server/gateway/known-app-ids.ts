import { KnownIdFilter } from '../keys/known-id-filter';

/** Ids the filter is sized for at least, so a small organisation's first keys do not rebuild it. */
const MIN_CAPACITY = 100_000;

/**
 * The gateway's known-App-ID filter (server/keys/known-id-filter.ts): loaded from the database
 * at start, told of every new key by the change bus (here at once, on other instances within
 * milliseconds), rebuilt when it fills up or when notices may have been missed. Until it is
 * loaded, every id is looked up.
 *
 * A "no" still gets a lookup while a small per-second budget lasts: a key created a moment ago
 * on another instance, whose notice is still on its way, works as before; a flood of made-up App
 * IDs spends the budget and then costs the database nothing.
 */
export function createKnownAppIds(deps: {
  load: () => Promise<string[]>;
  now: () => number;
  /** Lookups per second for ids the filter has never seen. */
  unknownLookupsPerSecond: number;
  onError: (error: unknown) => void;
}) {
  let filter: KnownIdFilter | undefined;
  // Ids announced while a rebuild reads the table: added to the new filter once it is built.
  let announcedDuringLoad: string[] | undefined;
  const rate = deps.unknownLookupsPerSecond;
  let tokens = rate;
  let refilledAt = deps.now();

  async function rebuild(): Promise<void> {
    if (announcedDuringLoad) return;
    announcedDuringLoad = [];
    try {
      const ids = await deps.load();
      const next = new KnownIdFilter(Math.max(MIN_CAPACITY, 2 * ids.length));
      for (const id of ids) next.add(id);
      for (const id of announcedDuringLoad) next.add(id);
      filter = next;
    } catch (error) {
      deps.onError(error);
    } finally {
      announcedDuringLoad = undefined;
    }
  }

  function spendLookup(): boolean {
    const at = deps.now();
    tokens = Math.min(rate, tokens + ((at - refilledAt) / 1000) * rate);
    refilledAt = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  return {
    /** Loads the filter; calls before it finishes look every id up. */
    start: rebuild,

    /** Whether a credential with this App ID is worth a database lookup. */
    mayExist(appId: string): boolean {
      return !filter || filter.mayContain(appId) || spendLookup();
    },

    /** A key was created or changed (a change notice), or a lookup found it. */
    add(appId: string): void {
      filter?.add(appId);
      announcedDuringLoad?.push(appId);
      if (filter && filter.count > filter.capacity) void rebuild();
    },

    /** Notices may have been missed: look everything up until the filter is read again. */
    reset(): void {
      filter = undefined;
      void rebuild();
    },

    get loaded(): boolean {
      return filter !== undefined;
    },
  };
}
