// Bench only (`node --expose-gc --require` this file): SIGUSR2 runs V8's full collector three times.
// A server that has run for a while has had full collections, and they change what it costs per
// request afterwards: V8 collects maps that no live object holds, so the object shapes made again
// afterwards are new to the inline caches, and some go megamorphic for good (Node's own
// process.nextTick among them, unless the process keeps a tick object alive: every server of the
// benches does, server/kernel/tick-object-shapes.ts). The instruction bench counts every server
// in that state.
process.on('SIGUSR2', () => {
  for (let index = 0; index < 3; index++) globalThis.gc();
});
