/**
 * Builds the prebuilt JupyterLab extension when its sources changed (`tsc -b extension`, then
 * `npm run build:labextension`, both provided by the extension's package set-up) and installs it
 * into the Python environment with `pip install .` (pyproject.toml's shared-data):
 * <venv>/share/jupyter/labextensions/jupyterlab-mlquest/ with install.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { step } from './log';
import { runCommand } from './run-command';

const EXTENSION_NAME = 'jupyterlab-mlquest';
const SOURCES = ['extension', 'shared', 'schema/plugin.json', 'style', 'package.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function labextensionOutputDir(root: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    jupyterlab?: { outputDir?: string };
  };
  return path.join(root, pkg.jupyterlab?.outputDir ?? 'lib/labextension');
}

/** True when the built extension is missing or older than any of its sources. */
export function labextensionIsStale(root: string): boolean {
  const built = path.join(labextensionOutputDir(root), 'package.json');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

export async function buildLabextensionIfStale(root: string): Promise<void> {
  if (!labextensionIsStale(root)) {
    step('JupyterLab extension is up to date: reusing the build.');
    return;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  step('Building the JupyterLab extension (TypeScript, then the prebuilt bundle) ...');
  await runCommand(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'extension'], { cwd: root });
  await runCommand(npm, ['run', 'build:labextension'], { cwd: root });
}

/**
 * Installs the built extension into the Python environment with `pip install .` (pyproject.toml
 * ships lib/labextension as shared data), so `jupyter labextension list` reports it and
 * `pip uninstall jupyterlab_mlquest` removes it.
 */
export async function installLabextension(root: string, venvDir: string): Promise<void> {
  step('Installing the JupyterLab extension into the Python environment (pip install .) ...');
  const pip = path.join(venvDir, 'bin', 'pip');
  await runCommand(pip, ['install', '--quiet', '--no-deps', '--force-reinstall', root], { cwd: root });
  const installed = path.join(venvDir, 'share', 'jupyter', 'labextensions', EXTENSION_NAME, 'package.json');
  if (!fs.existsSync(installed))
    throw new Error(
      `pip installed the extension package but ${path.relative(root, installed)} is missing; run npm run build and try again.`
    );
}

const PLUGIN_ID = `${EXTENSION_NAME}:plugin`;
/** JupyterLab's own notification plugin; its `fetchNews` setting asks the "Jupyter news?" question. */
const NOTIFICATION_PLUGIN_ID = '@jupyterlab/apputils-extension:notification';

/**
 * This environment's JupyterLab defaults, in `<venv>/share/jupyter/lab/settings/overrides.json`
 * (every other override is kept): the extension's `serverUrl` points at the ML Quest API, and
 * JupyterLab's "Jupyter news?" prompt is answered "no" (`fetchNews: "false"`) so that it does not
 * sit among ML Quest's toasts. A learner's own setting (Settings Editor) still wins over both.
 */
export function writeLabOverrides(venvDir: string, serverUrl: string): string {
  const file = path.join(venvDir, 'share', 'jupyter', 'lab', 'settings', 'overrides.json');
  let overrides: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    try {
      overrides = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new Error(`${file} is not valid JSON: fix it or delete it, then start again.`);
    }
  }
  const merge = (id: string, values: Record<string, unknown>): void => {
    const current = overrides[id];
    overrides[id] = { ...(current && typeof current === 'object' ? current : {}), ...values };
  };
  merge(PLUGIN_ID, { serverUrl });
  merge(NOTIFICATION_PLUGIN_ID, { fetchNews: 'false' });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(overrides, null, 2) + '\n');
  return file;
}
