/**
 * The project's Python environment (.venv): JupyterLab, ipykernel, scikit-learn, skl2onnx,
 * pandas, at the pins of notebooks/requirements.txt (the learner's pins; the single place they
 * live). With `dev`, also the test and calibration tools (tests/requirements.txt,
 * datasets/requirements-calibrate.txt). A stamp file holds a hash of the requirement files that
 * were installed, so a second start reuses the environment and a changed pin reinstalls.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LaunchConfig } from './launch-config';
import { step } from './log';
import { CommandError, runCommand } from './run-command';

export const LEARNER_REQUIREMENTS = ['notebooks/requirements.txt'];
export const DEV_REQUIREMENTS = ['tests/requirements.txt', 'datasets/requirements-calibrate.txt'];
const STAMP_FILE = 'mlquest-requirements.json';
const MIN_PYTHON: [number, number] = [3, 9];

interface Stamp {
  learner?: string;
  dev?: string;
}

export function venvBin(venvDir: string, program: string): string {
  return process.platform === 'win32'
    ? path.join(venvDir, 'Scripts', `${program}.exe`)
    : path.join(venvDir, 'bin', program);
}

/** The requirement files of a set that exist, relative to the root. */
export function requirementFiles(root: string, dev: boolean): string[] {
  const files = dev ? [...LEARNER_REQUIREMENTS, ...DEV_REQUIREMENTS] : LEARNER_REQUIREMENTS;
  return files.filter((f) => fs.existsSync(path.join(root, f)));
}

/** sha256 over the names and contents of the requirement files. */
export function requirementsHash(root: string, files: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readStamp(venvDir: string): Stamp {
  try {
    return JSON.parse(fs.readFileSync(path.join(venvDir, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return {};
  }
}

function writeStamp(venvDir: string, stamp: Stamp): void {
  fs.writeFileSync(path.join(venvDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Whether the environment is up to date for the learner set (and the dev set when asked). */
export function isEnvironmentCurrent(config: LaunchConfig, dev: boolean): boolean {
  if (!fs.existsSync(venvBin(config.venvDir, 'python'))) return false;
  const stamp = readStamp(config.venvDir);
  if (stamp.learner !== requirementsHash(config.root, requirementFiles(config.root, false))) return false;
  return !dev || stamp.dev === requirementsHash(config.root, requirementFiles(config.root, true));
}

function checkSystemPython(python: string): void {
  // Debian ships the venv module without ensurepip (that is python3-venv), so `-m venv` would fail late.
  const probe = spawnSync(python, ['-c', 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])'], {
    encoding: 'utf8'
  });
  if (probe.error || probe.status !== 0) {
    throw new CommandError(
      `Could not run "${python}" (${probe.error?.message ?? probe.stderr.trim()}). Install Python ${MIN_PYTHON.join('.')} or newer ` +
        '(with the venv module, e.g. `apt install python3-venv`), or point MLQUEST_PYTHON at it.'
    );
  }
  const [major, minor] = probe.stdout.trim().split('.').map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new CommandError(
      `${python} is Python ${major}.${minor}; ML Quest needs ${MIN_PYTHON.join('.')} or newer. Point MLQUEST_PYTHON at a newer one.`
    );
  }
}

/** Creates or updates the environment when its requirements changed; otherwise does nothing. */
export async function ensurePythonEnvironment(config: LaunchConfig, dev: boolean): Promise<'reused' | 'installed'> {
  const label = path.relative(config.root, config.venvDir) || config.venvDir;
  if (isEnvironmentCurrent(config, dev)) {
    step(`Python environment ${label} is up to date (requirements unchanged): reusing it.`);
    return 'reused';
  }
  const venvPython = venvBin(config.venvDir, 'python');
  if (!fs.existsSync(venvPython)) {
    checkSystemPython(config.python);
    step(`Creating the Python environment ${label} with ${config.python} ...`);
    await runCommand(config.python, ['-m', 'venv', config.venvDir], { cwd: config.root });
  }
  const files = requirementFiles(config.root, dev);
  step(
    `Installing the pinned Python packages (${files.join(', ')}) into ${label}; the first time takes a few minutes ...`
  );
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'on'];
  for (const file of files) args.push('-r', path.join(config.root, file));
  await runCommand(venvPython, args, { cwd: config.root });
  const stamp: Stamp = {
    ...readStamp(config.venvDir),
    learner: requirementsHash(config.root, requirementFiles(config.root, false))
  };
  if (dev) stamp.dev = requirementsHash(config.root, files);
  writeStamp(config.venvDir, stamp);
  step(`Python environment ${label} is ready.`);
  return 'installed';
}
