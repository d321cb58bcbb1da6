/** Runs a command to completion with its output shown to the user (visible progress). */
import { spawn } from 'node:child_process';

export class CommandError extends Error {}

export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean }
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.quiet ? 'ignore' : 'inherit'
    });
    child.on('error', (err) => reject(new CommandError(`Could not run ${command}: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new CommandError(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
