// Where a callgrind count goes, by function, with V8's compiled JavaScript named.
//
//   BENCH_CALLGRIND_KEEP=1 BENCH_CALLGRIND_PERF_MAP=1 npm run bench -- instructions
//   npx tsx bench/callgrind-functions.ts <dir>/callgrind.out.1-01 /tmp/perf-<pid>.map [requests] [top]
//
// Callgrind names a function it has no symbol for by its address, and V8's compiled code has
// none; with BENCH_CALLGRIND_PERF_MAP the counted servers write V8's map of that code
// (--perf-basic-prof, /tmp/perf-<pid>.map), which names it. Prints each function's own
// instructions (self) and what it and its callees cost (inclusive), per request, heaviest first.
import { readFileSync } from 'node:fs';

const [countFile, mapFile, requestsArgument, topArgument] = process.argv.slice(2);
if (!countFile || !mapFile) throw new Error('usage: callgrind-functions.ts <callgrind.out file> <perf map> [requests] [top]');
const requests = Number(requestsArgument ?? process.env.BENCH_INSTRUCTION_REQUESTS ?? 4000);
const top = Number(topArgument ?? 60);

/** The perf map's code ranges, the latest at each start address (code space is reused). */
const byStart = new Map<number, { end: number; name: string }>();
for (const line of readFileSync(mapFile, 'utf8').split('\n')) {
  const match = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/i.exec(line);
  if (match) byStart.set(parseInt(match[1]!, 16), { end: parseInt(match[1]!, 16) + parseInt(match[2]!, 16), name: match[3]! });
}
const starts = [...byStart.keys()].sort((a, b) => a - b);

function nameOf(callgrindName: string): string {
  const address = /^0x([0-9a-f]+)$/i.exec(callgrindName);
  if (!address) return callgrindName;
  const at = parseInt(address[1]!, 16);
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= at) low = middle + 1;
    else high = middle - 1;
  }
  const range = high >= 0 ? byStart.get(starts[high]!) : undefined;
  return range && at < range.end ? range.name : '(unnamed code)';
}

// Callgrind's format: `fn=(id) name` opens a function, `cfn=` names a callee, `calls=` says the
// next cost line is a call's inclusive cost; other cost lines are the function's own.
const names = new Map<string, string>();
const self = new Map<string, number>();
const called = new Map<string, number>();
const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
let current = '';
let callee = '';
let nextIsCall = false;
for (const line of readFileSync(countFile, 'utf8').split('\n')) {
  const named = /^(c?fn)=\((\d+)\)(?: (.*))?$/.exec(line);
  if (named) {
    if (named[3] !== undefined) names.set(named[2]!, nameOf(named[3]));
    const name = names.get(named[2]!)!;
    if (named[1] === 'fn') current = name;
    else callee = name;
    continue;
  }
  if (line.startsWith('calls=')) {
    nextIsCall = true;
    continue;
  }
  if (!/^[0-9+*-]/.test(line)) continue;
  const cost = Number(line.split(' ')[1] ?? 0);
  if (nextIsCall) {
    nextIsCall = false;
    if (callee !== current) add(called, current, cost);
  } else add(self, current, cost);
}

const total = [...self.values()].reduce((sum, value) => sum + value, 0);
console.log(`${(total / requests).toFixed(0)} instructions per request in all (${requests} requests)`);
console.log('self/request  inclusive/request  function');
for (const [name, own] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(own / requests).toFixed(0).padStart(12)}  ${((own + (called.get(name) ?? 0)) / requests).toFixed(0).padStart(17)}  ${name}`);
}
