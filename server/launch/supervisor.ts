/**
 * Runs the long-lived children (the API server and JupyterLab), each in its own process group so
 * that Ctrl-C reaches only the launcher, which then stops both cleanly: SIGTERM to each group,
 * SIGKILL after a grace period.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function startManaged(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv }
): Managed {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: 'inherit',
    detached: process.platform !== 'win32'
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (err) => {
      process.stderr.write(`[mlquest] could not start ${name}: ${err.message}\n`);
      resolve(127);
    });
  });
  return { name, child, exited };
}

function signalGroup(m: Managed, signal: NodeJS.Signals): void {
  if (m.child.pid === undefined || m.child.exitCode !== null || m.child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') m.child.kill(signal);
    else process.kill(-m.child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL after graceMs; resolves when the child has exited. */
export async function stopManaged(m: Managed, graceMs: number): Promise<void> {
  if (m.child.exitCode !== null || m.child.signalCode !== null) return;
  signalGroup(m, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(m, 'SIGKILL'), graceMs);
  await m.exited;
  clearTimeout(timer);
}

/** Polls url until it answers with a status below 500, the child exits, or the time is up. */
export async function waitUntilReady(url: string, m: Managed, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void m.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${m.name} exited before it was ready (see its output above).`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${m.name} did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s.`);
}
