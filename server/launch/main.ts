/**
 * `npm start`: the one-command start. Sets up the Python environment (reused when the pins are
 * unchanged), builds and installs the JupyterLab extension, starts the ML Quest API on embedded
 * SQLite and JupyterLab on the learner's workspace (seeded from notebooks/ without overwriting a
 * learner's file), prints both URLs, and stops both on Ctrl-C.
 *
 * `npm run setup:python` (`--setup-only --dev`): only prepares the environment, with the test and
 * calibration tools as well, for the tests and CI. `--install-extension` prepares the environment,
 * then builds (when stale) and installs the extension into it, and stops there (the browser tests).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { loadConfigOrExit } from '../config';
import { buildLabextensionIfStale, installLabextension, writeLabOverrides } from './labextension';
import { loadLaunchConfig, LaunchConfigError, type LaunchConfig } from './launch-config';
import { fail, step } from './log';
import { ensurePythonEnvironment, venvBin } from './python-env';
import { seedWorkspace } from './workspace';
import { startManaged, stopManaged, waitUntilReady, type Managed } from './supervisor';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const STOP_GRACE_MS = 10_000;

function urlHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
}

function displayPath(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function jupyterArgs(config: LaunchConfig, token: string): string[] {
  const args = [
    'lab',
    `--ServerApp.root_dir=${config.workspaceDir}`,
    `--ServerApp.ip=${config.jupyterHost}`,
    `--ServerApp.port=${config.jupyterPort}`,
    '--ServerApp.port_retries=0',
    '--ServerApp.open_browser=False',
    `--IdentityProvider.token=${token}`
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  return args;
}

async function run(argv: string[]): Promise<number> {
  const setupOnly = argv.includes('--setup-only');
  const extensionOnly = argv.includes('--install-extension');
  const dev = argv.includes('--dev');
  const config = loadLaunchConfig(ROOT);

  step(setupOnly || extensionOnly ? 'Preparing the Python environment' : 'Starting ML Quest (1/4: Python environment)');
  await ensurePythonEnvironment(config, dev);
  if (setupOnly) return 0;

  step(extensionOnly ? 'JupyterLab extension' : '2/4: JupyterLab extension');
  await buildLabextensionIfStale(ROOT);
  await installLabextension(ROOT, config.venvDir);
  if (extensionOnly) return 0;

  const server = loadConfigOrExit();
  const apiUrl = `http://${urlHost(server.host)}:${server.port}`;
  const env = { ...process.env, MLQUEST_SERVER_URL: process.env.MLQUEST_SERVER_URL ?? apiUrl };
  const children: Managed[] = [];
  let stopped: Promise<void> | undefined;
  const stopAll = (why: string): Promise<void> => {
    stopped ??= (async () => {
      step(`${why}: stopping JupyterLab and the ML Quest API ...`);
      await Promise.all([...children].reverse().map((m) => stopManaged(m, STOP_GRACE_MS)));
      step('Stopped.');
    })();
    return stopped;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void stopAll(signal).then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    step(`3/4: ML Quest API on ${apiUrl} (SQLite at ${displayPath(server.databasePath)})`);
    const api = startManaged('the ML Quest API', process.execPath, [path.join(ROOT, 'lib', 'server', 'main.js')], {
      cwd: ROOT,
      env
    });
    children.push(api);
    await waitUntilReady(`${apiUrl}/health`, api, config.readyTimeoutMs);

    const token = config.jupyterToken ?? crypto.randomBytes(24).toString('hex');
    const jupyterUrl = `http://${urlHost(config.jupyterHost)}:${config.jupyterPort}`;
    const seeded = seedWorkspace(path.join(ROOT, 'notebooks'), config.workspaceDir);
    const seededNote = seeded.length > 0 ? `, ${seeded.length} starter notebooks copied in` : '';
    step(`4/4: JupyterLab on ${jupyterUrl} (workspace ${displayPath(config.workspaceDir)}${seededNote})`);
    writeLabOverrides(config.venvDir, env.MLQUEST_SERVER_URL);
    const lab = startManaged('JupyterLab', venvBin(config.venvDir, 'jupyter'), jupyterArgs(config, token), {
      cwd: ROOT,
      env
    });
    children.push(lab);
    await waitUntilReady(`${jupyterUrl}/api`, lab, config.readyTimeoutMs);

    process.stdout.write(
      `\n  ML Quest is running.\n\n` +
        `    JupyterLab:   ${jupyterUrl}/lab?token=${token}\n` +
        `    ML Quest API: ${apiUrl}   (API docs: ${apiUrl}/docs)\n\n` +
        `  Press Ctrl-C to stop both.\n\n`
    );
    const first = await Promise.race(children.map((m) => m.exited.then((code) => ({ m, code }))));
    if (stopped) {
      await stopped;
      return 0;
    }
    await stopAll(`${first.m.name} exited (code ${first.code})`);
    return 1;
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
    await stopAll('Start-up failed');
    return 1;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof LaunchConfigError) {
      fail(err.message);
      process.exit(2);
    }
    fail(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
);
