/**
 * The one-command start: the requirement hash that decides whether .venv is reused, and a real
 * start of the compiled launcher (API + JupyterLab from .venv) that prints both URLs, serves, and
 * stops both children on SIGINT.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requirementFiles, requirementsHash } from '../../server/launch/python-env';
import { freePort } from '../helpers/live-server';
import { killTree } from '../helpers/process-tree';
import { describeIf } from '../helpers/requires';

const ROOT = path.resolve(__dirname, '..', '..');
const hasVenv = fs.existsSync(path.join(ROOT, '.venv', 'bin', 'jupyter'));

describe('requirements hash', () => {
  it('is stable for the same files and changes when a pin changes', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-reqs-'));
    fs.mkdirSync(path.join(root, 'notebooks'));
    fs.writeFileSync(path.join(root, 'notebooks', 'requirements.txt'), 'numpy==2.3.5\n');
    const files = requirementFiles(root, true);
    expect(files).toEqual(['notebooks/requirements.txt']);
    const before = requirementsHash(root, files);
    expect(requirementsHash(root, files)).toBe(before);
    fs.writeFileSync(path.join(root, 'notebooks', 'requirements.txt'), 'numpy==2.3.4\n');
    expect(requirementsHash(root, files)).not.toBe(before);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describeIf({ what: 'the Python environment .venv', present: hasVenv, fix: 'npm run setup:python' })('npm start launcher', () => {
  beforeAll(() => {
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'server'], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
  }, 120_000);

  it('starts the API and JupyterLab, prints both URLs, and stops both on SIGINT', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-launch-'));
    const [apiPort, labPort] = [await freePort(), await freePort()];
    // The launcher points the .venv's JupyterLab at its API (overrides.json): put back what was there.
    const overrides = path.join(ROOT, '.venv', 'share', 'jupyter', 'lab', 'settings', 'overrides.json');
    const overridesBefore = fs.existsSync(overrides) ? fs.readFileSync(overrides) : null;
    const child = spawn(process.execPath, [path.join(ROOT, 'lib', 'server', 'launch', 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(apiPort), JUPYTER_PORT: String(labPort), DATABASE_URL: `sqlite:${path.join(tmp, 'db.sqlite')}`, MLQUEST_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    try {
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const deadline = Date.now() + 90_000;
      while (!output.includes('ML Quest is running') && Date.now() < deadline && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(output).toContain('ML Quest is running');
      expect(output).toMatch(new RegExp(`JupyterLab: +http://127\\.0\\.0\\.1:${labPort}/lab\\?token=[0-9a-f]+`));
      expect(output).toContain(`ML Quest API: http://127.0.0.1:${apiPort}`);

      const health = await fetch(`http://127.0.0.1:${apiPort}/health`);
      expect(health.status).toBe(200);
      const dataset = await fetch(`http://127.0.0.1:${apiPort}/quests/1/dataset`);
      expect((await dataset.text()).split('\n')[0]).toBe('area_sqm,bedrooms,bathrooms,age_years,distance_km,has_garden,price');
      const lab = await fetch(`http://127.0.0.1:${labPort}/api`);
      expect(((await lab.json()) as { version: string }).version).toMatch(/^\d+\./);
      // The extension in this JupyterLab points at this API (settings overrides), not the default port.
      const token = /lab\?token=([0-9a-f]+)/.exec(output)![1];
      const settings = await fetch(`http://127.0.0.1:${labPort}/lab/api/settings/jupyterlab-mlquest:plugin?token=${token}`);
      expect(settings.status).toBe(200);
      // JupyterLab applies overrides.json to the schema's defaults.
      const schema = ((await settings.json()) as { schema: { properties: { serverUrl: { default: string } } } }).schema;
      expect(schema.properties.serverUrl.default).toBe(`http://127.0.0.1:${apiPort}`);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(output).toContain('Stopped.');
      await expect(fetch(`http://127.0.0.1:${apiPort}/health`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${labPort}/api`)).rejects.toThrow();
    } finally {
      // On a failure the launcher is still running, and so are the API and JupyterLab it started.
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) killTree(child.pid);
      if (overridesBefore) fs.writeFileSync(overrides, overridesBefore);
      else fs.rmSync(overrides, { force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 150_000);
});
