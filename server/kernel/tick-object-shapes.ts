import { createHook } from 'node:async_hooks';

/** The one tick object kept: while it lives, so do the hidden classes every later one takes. */
let kept: object | undefined;

/**
 * Keeps one of `process.nextTick`'s tick objects alive for the life of the process.
 *
 * Why: nextTick builds each tick object with an object literal whose first keys are computed
 * (`{ [async_id_symbol]: ..., [trigger_async_id_symbol]: ..., callback, args }`). V8 (Node 20's
 * 11.3) remembers, for each of those keys, the hidden class the object had there, and holds it
 * weakly. A few full collections at a moment when no tick object is alive (start-up, an idle
 * minute) free those classes; the next tick object then meets a cleared entry, which V8 counts
 * as a different class, and marks the three places megamorphic for good. From then on every
 * nextTick (several per gateway request: streams and responses use it) defines those three
 * properties through the runtime: about 3% of the gateway's CPU per request, measured with perf
 * (README, "CPU per request"). One live tick object holds its class and, through its back
 * pointers, the classes before it, so they are never freed. kernel/tick-object-shapes.test.ts
 * shows the effect on this Node and fails when a Node no longer needs this.
 *
 * The async hook is enabled for the one nextTick below and disabled at once: with no hook
 * enabled, nothing else pays for it.
 */
export function keepTickObjectShapes(): void {
  if (kept) return;
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') kept ??= resource;
    },
  });
  hook.enable();
  process.nextTick(() => {});
  hook.disable();
}
