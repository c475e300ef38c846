// CPU time a server spends, read from Linux's /proc: unlike throughput, it does not depend on how
// this VM shares its two cores between the load generator, the upstream and the proxy.
import { readdirSync, readFileSync } from 'node:fs';

// USER_HZ: Linux reports process times in 1/100 s on every architecture Node runs on.
const MS_PER_TICK = 10;

interface ProcessTimes {
  parent: number;
  ms: number;
}

function timesOf(pid: number): ProcessTimes | undefined {
  try {
    // The fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { parent: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK };
  } catch {
    return undefined;
  }
}

/**
 * User and system CPU milliseconds of a process and every process under it (nginx's workers,
 * Keyward's cluster workers) so far; undefined where /proc is not there to say.
 */
export function treeCpuMs(root: number): number | undefined {
  const own = timesOf(root);
  if (!own) return undefined;
  const children = new Map<number, number[]>();
  const times = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    const found = Number.isInteger(pid) && pid > 0 ? timesOf(pid) : undefined;
    if (!found) continue;
    times.set(pid, found.ms);
    children.set(found.parent, [...(children.get(found.parent) ?? []), pid]);
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += times.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}
