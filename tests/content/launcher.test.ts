/**
 * The one-command start: the requirement hash that decides whether .venv is reused, the workspace
 * seeding, and real starts of the compiled launcher (API + JupyterLab from .venv on a workspace)
 * that print both URLs, serve, stop both children on SIGINT, and keep a learner's work.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadLaunchConfig } from '../../server/launch/launch-config';
import { requirementFiles, requirementsHash } from '../../server/launch/python-env';
import { seedWorkspace } from '../../server/launch/workspace';
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

describe('workspace seeding', () => {
  it("copies the missing starter notebooks and never overwrites a learner's file", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-seed-'));
    const [notebooks, workspace] = [path.join(root, 'notebooks'), path.join(root, 'workspace')];
    fs.mkdirSync(notebooks);
    fs.writeFileSync(path.join(notebooks, '01_a.ipynb'), 'starter a');
    fs.writeFileSync(path.join(notebooks, '02_b.ipynb'), 'starter b');
    fs.writeFileSync(path.join(notebooks, 'requirements.txt'), 'numpy\n');
    expect(seedWorkspace(notebooks, workspace)).toEqual(['01_a.ipynb', '02_b.ipynb']);
    fs.writeFileSync(path.join(workspace, '01_a.ipynb'), 'learner work');
    fs.rmSync(path.join(workspace, '02_b.ipynb'));
    expect(seedWorkspace(notebooks, workspace)).toEqual(['02_b.ipynb']);
    expect(fs.readFileSync(path.join(workspace, '01_a.ipynb'), 'utf8')).toBe('learner work');
    expect(fs.readdirSync(workspace).sort()).toEqual(['01_a.ipynb', '02_b.ipynb']);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses the committed notebooks folder as the workspace', () => {
    expect(() => loadLaunchConfig('/repo', { MLQUEST_WORKSPACE: './notebooks/' })).toThrow(
      /must not be the committed notebooks/
    );
    expect(loadLaunchConfig('/repo', {}).workspaceDir).toBe(path.resolve('/repo', 'workspace'));
    expect(loadLaunchConfig('/repo', { MLQUEST_WORKSPACE: '/srv/class' }).workspaceDir).toBe('/srv/class');
  });
});

interface Launch {
  pid: number;
  alive: () => boolean;
  output: () => string;
  token: string;
  stop: () => Promise<number | null>;
}

/** Starts the compiled launcher and waits until it prints "ML Quest is running". */
async function launch(env: NodeJS.ProcessEnv): Promise<Launch> {
  const child = spawn(process.execPath, [path.join(ROOT, 'lib', 'server', 'launch', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, MLQUEST_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes('ML Quest is running') && Date.now() < deadline && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  if (!output.includes('ML Quest is running')) {
    await stop();
    throw new Error(`the launcher did not start:\n${output}`);
  }
  return {
    pid: child.pid ?? -1,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    token: /lab\?token=([0-9a-f]+)/.exec(output)?.[1] ?? '',
    stop
  };
}

describeIf({ what: 'the Python environment .venv', present: hasVenv, fix: 'npm run setup:python' })(
  'npm start launcher',
  () => {
    beforeAll(() => {
      const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'server'], {
        cwd: ROOT,
        encoding: 'utf8'
      });
      expect(tsc.stdout + tsc.stderr).toBe('');
    }, 120_000);

    it("starts the API and JupyterLab on the workspace, prints both URLs, stops both on SIGINT, and keeps a learner's work across a restart", async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-launch-'));
      const workspace = path.join(tmp, 'workspace');
      const [apiPort, labPort] = [await freePort(), await freePort()];
      const env = {
        PORT: String(apiPort),
        JUPYTER_PORT: String(labPort),
        DATABASE_URL: `sqlite:${path.join(tmp, 'db.sqlite')}`,
        MLQUEST_WORKSPACE: workspace
      };
      const starter = '01_linear_regression_challenge.ipynb';
      const committed = fs.readFileSync(path.join(ROOT, 'notebooks', starter), 'utf8');
      // The launcher points the .venv's JupyterLab at its API (overrides.json): put back what was there.
      const overrides = path.join(ROOT, '.venv', 'share', 'jupyter', 'lab', 'settings', 'overrides.json');
      const overridesBefore = fs.existsSync(overrides) ? fs.readFileSync(overrides) : null;
      let running: Launch | undefined;
      try {
        running = await launch(env);
        const output = running.output();
        expect(output).toMatch(new RegExp(`JupyterLab: +http://127\\.0\\.0\\.1:${labPort}/lab\\?token=[0-9a-f]+`));
        expect(output).toContain(`ML Quest API: http://127.0.0.1:${apiPort}`);

        const health = await fetch(`http://127.0.0.1:${apiPort}/health`);
        expect(health.status).toBe(200);
        const dataset = await fetch(`http://127.0.0.1:${apiPort}/quests/1/dataset`);
        expect((await dataset.text()).split('\n')[0]).toBe(
          'area_sqm,bedrooms,bathrooms,age_years,distance_km,has_garden,price'
        );
        const lab = await fetch(`http://127.0.0.1:${labPort}/api`);
        expect(((await lab.json()) as { version: string }).version).toMatch(/^\d+\./);
        const lab$ = (route: string, init?: RequestInit) =>
          fetch(`http://127.0.0.1:${labPort}${route}?token=${running!.token}`, init);
        // The extension in this JupyterLab points at this API (settings overrides), not the default port;
        // JupyterLab applies overrides.json to the schema's defaults.
        const settings = await lab$('/lab/api/settings/jupyterlab-mlquest:plugin');
        expect(settings.status).toBe(200);
        const schema = ((await settings.json()) as { schema: { properties: { serverUrl: { default: string } } } })
          .schema;
        expect(schema.properties.serverUrl.default).toBe(`http://127.0.0.1:${apiPort}`);
        // JupyterLab's own "Jupyter news?" prompt is switched off (fetchNews "false", not "none" = ask).
        const notification = await lab$('/lab/api/settings/@jupyterlab/apputils-extension:notification');
        expect(notification.status).toBe(200);
        const news = ((await notification.json()) as { schema: { properties: { fetchNews: { default: string } } } })
          .schema;
        expect(news.properties.fetchNews.default).toBe('false');

        // JupyterLab serves the seeded workspace: every starter notebook is there.
        const starters = fs
          .readdirSync(path.join(ROOT, 'notebooks'))
          .filter((n) => n.endsWith('.ipynb'))
          .sort();
        expect(fs.readdirSync(workspace).sort()).toEqual(starters);
        const listing = (await (await lab$('/api/contents/')).json()) as { content: { name: string }[] };
        expect(listing.content.map((c) => c.name).sort()).toEqual(starters);
        // The learner saves work through JupyterLab's contents API, as the notebook editor does.
        const saved = (await (await lab$(`/api/contents/${starter}`)).json()) as {
          content: { cells: { source: string }[] };
        };
        saved.content.cells.push({
          cell_type: 'code',
          source: 'my_work = 42',
          metadata: {},
          outputs: [],
          execution_count: null
        } as never);
        const put = await lab$(`/api/contents/${starter}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'notebook', format: 'json', content: saved.content })
        });
        expect(put.status).toBe(200);
        expect(await running.stop()).toBe(0);
        expect(running.output()).toContain('Stopped.');
        await expect(fetch(`http://127.0.0.1:${apiPort}/health`)).rejects.toThrow();
        await expect(fetch(`http://127.0.0.1:${labPort}/api`)).rejects.toThrow();

        // A restart keeps the learner's work; the committed starter notebook is untouched.
        running = await launch(env);
        const reopened = (await (await lab$(`/api/contents/${starter}`)).json()) as {
          content: { cells: { source: string }[] };
        };
        expect(reopened.content.cells.at(-1)?.source).toBe('my_work = 42');
        expect(fs.readFileSync(path.join(ROOT, 'notebooks', starter), 'utf8')).toBe(committed);
        expect(await running.stop()).toBe(0);
      } finally {
        // On a failure the launcher is still running, and so are the API and JupyterLab it started.
        if (running?.alive()) killTree(running.pid);
        await running?.stop();
        if (overridesBefore) fs.writeFileSync(overrides, overridesBefore);
        else fs.rmSync(overrides, { force: true });
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }, 240_000);
  }
);
