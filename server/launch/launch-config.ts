/**
 * The launcher's own settings (environment variables, parsed once). The API server's settings
 * (PORT, HOST, DATABASE_URL, ...) are parsed by server/config.ts and passed through unchanged.
 */
import path from 'node:path';
import { z } from 'zod';

const LaunchEnv = z.object({
  MLQUEST_PYTHON: z
    .string()
    .min(1)
    .default(process.platform === 'win32' ? 'python' : 'python3'),
  MLQUEST_VENV: z.string().min(1).default('.venv'),
  MLQUEST_WORKSPACE: z.string().min(1).default('workspace'),
  JUPYTER_PORT: z.coerce.number().int().min(1).max(65535).default(8888),
  JUPYTER_HOST: z.string().min(1).default('127.0.0.1'),
  MLQUEST_JUPYTER_TOKEN: z.string().optional(),
  MLQUEST_READY_TIMEOUT_S: z.coerce.number().positive().default(120)
});

export interface LaunchConfig {
  root: string;
  python: string;
  venvDir: string;
  /** The folder JupyterLab serves, seeded from notebooks/ (never overwriting a learner's file). */
  workspaceDir: string;
  jupyterPort: number;
  jupyterHost: string;
  jupyterToken: string | undefined;
  readyTimeoutMs: number;
}

export class LaunchConfigError extends Error {}

export function loadLaunchConfig(root: string, env: NodeJS.ProcessEnv = process.env): LaunchConfig {
  const parsed = LaunchEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new LaunchConfigError(
      `Bad launcher setting: ${problems}. Fix or unset the variable and run npm start again.`
    );
  }
  const e = parsed.data;
  const workspaceDir = path.resolve(root, e.MLQUEST_WORKSPACE);
  if (workspaceDir === path.resolve(root, 'notebooks')) {
    throw new LaunchConfigError(
      'MLQUEST_WORKSPACE must not be the committed notebooks/ folder (saved work would change the starter notebooks); ' +
        'unset it to use workspace/ or name another folder.'
    );
  }
  return {
    root,
    python: e.MLQUEST_PYTHON,
    venvDir: path.resolve(root, e.MLQUEST_VENV),
    workspaceDir,
    jupyterPort: e.JUPYTER_PORT,
    jupyterHost: e.JUPYTER_HOST,
    jupyterToken: e.MLQUEST_JUPYTER_TOKEN,
    readyTimeoutMs: e.MLQUEST_READY_TIMEOUT_S * 1000
  };
}
