/** Runs one of the bench's helper scripts as its own Node process and parses the JSON it prints. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export function runJsonChild<T>(script: string, arg: unknown, nodeArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, script), JSON.stringify(arg)], {
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${err.slice(-2000)}`));
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

/**
 * The other side of `runJsonChild`: when `mod` is the process's main module, runs `job` on the
 * JSON argument and prints its report as one JSON line (exit code 1 and the error otherwise).
 */
export function mainJsonChild<J, R>(mod: NodeJS.Module, job: (arg: J) => Promise<R>): void {
  if (require.main !== mod) return;
  job(JSON.parse(process.argv[2] ?? '{}') as J).then(
    (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
    (err) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    }
  );
}
