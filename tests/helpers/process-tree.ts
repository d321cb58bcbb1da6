/**
 * Ending a process together with everything it started, for test cleanup: the launcher starts
 * the API and JupyterLab in process groups (sessions) of their own, and JupyterLab starts kernels,
 * so killing the launcher or its group alone leaves them running and jest never exits.
 * Descendants are found through /proc (Linux) by parent id, and each one's group is killed.
 */
import { readdirSync, readFileSync } from 'fs';

function parentOf(pid: number): number | null {
  try {
    // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Every live descendant of `pid`, children before grandchildren. */
export function descendants(pid: number): number[] {
  const pids = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
  const children = new Map<number, number[]>();
  for (const p of pids) {
    const parent = parentOf(p);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  const out: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length > 0) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}

function kill(target: number): void {
  try {
    process.kill(target, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** SIGKILL to `pid`, every descendant and each descendant's process group. */
export function killTree(pid: number): void {
  const all = descendants(pid);
  kill(pid);
  for (const p of all) {
    kill(-p); // its group, when it leads one
    kill(p);
  }
}
