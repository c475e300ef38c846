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
  /** Calls `each` with every App ID; answers how many. */
  load: (each: (appId: string) => void) => Promise<number>;
  /** How many App IDs there are, to size the filter before it is filled. */
  count: () => Promise<number>;
  now: () => number;
  /** Lookups per second for ids the filter has never seen. */
  unknownLookupsPerSecond: number;
  onError: (error: unknown) => void;
}) {
  let filter: KnownIdFilter | undefined;
  // Ids announced while a rebuild reads the table: added to the new filter once it is built.
  let announcedDuringLoad: string[] | undefined;
  let loading: Promise<void> | undefined;
  const rate = deps.unknownLookupsPerSecond;
  let tokens = rate;
  let refilledAt = deps.now();

  function rebuild(): Promise<void> {
    if (!announcedDuringLoad) loading = load();
    return loading!;
  }

  async function load(): Promise<void> {
    announcedDuringLoad = [];
    try {
      const next = new KnownIdFilter(Math.max(MIN_CAPACITY, 2 * (await deps.count())));
      await deps.load((id) => next.add(id));
      for (const id of announcedDuringLoad!) next.add(id);
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
    /** Resolves once the filter is read (loading it if nothing has yet); until then every id is looked up. */
    ready: (): Promise<void> => (filter ? Promise.resolve() : (loading ?? rebuild())),

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
