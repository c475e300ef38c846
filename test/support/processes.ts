// The machine's processes as Linux's /proc lists them: which process started which, and the CPU
// each has spent. For tests that find a cluster's workers, and the bench's CPU per request.
import { readdirSync, readFileSync } from 'node:fs';

// USER_HZ: Linux reports process times in 1/100 s on every architecture Node runs on.
const MS_PER_TICK = 10;

export interface ProcessEntry {
  pid: number;
  parent: number;
  /** User and system CPU so far. */
  cpuMs: number;
}

function entryOf(pid: number): ProcessEntry | undefined {
  try {
    // The fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { pid, parent: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK };
  } catch {
    return undefined; // gone meanwhile, or no /proc here
  }
}

/** Every process there is now; empty where there is no /proc. */
export function processTable(): ProcessEntry[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => entryOf(Number(entry)) ?? []);
}

/** `root` and every process under it (nginx's workers, Keyward's cluster); empty if `root` is not there. */
export function processTree(root: number): ProcessEntry[] {
  const table = processTable();
  const tree = table.filter((entry) => entry.pid === root);
  for (let index = 0; index < tree.length; index++) tree.push(...table.filter((entry) => entry.parent === tree[index]!.pid));
  return tree;
}

/** The command line a process was started with, its arguments joined by NUL; empty once it is gone. */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}
