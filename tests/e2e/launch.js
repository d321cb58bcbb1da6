#!/usr/bin/env node
// Starts one process of the browser-test stack on 127.0.0.1, each in a fresh temporary folder:
//   node tests/e2e/launch.js server  -> the ML Quest API on a temporary SQLite database, serving
//                                       the default pack with quest 1 limited to 2 scored
//                                       submissions a day (see limited-pack.js)
//   node tests/e2e/launch.js lab     -> JupyterLab from .venv (with the installed extension)
//                                       whose ML Quest server URL points at the test server.
// Playwright's webServer starts and stops them (SIGTERM is passed on to the child).
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ports } = require('./ports');
const { writeLimitedPack, LIMITED_QUEST, LIMITED_QUEST_DAILY_LIMIT } = require('./limited-pack');

const root = path.resolve(__dirname, '..', '..');
const what = process.argv[2];
const work = fs.mkdtempSync(path.join(os.tmpdir(), `mlquest-e2e-${what}-`));
const serverUrl = `http://127.0.0.1:${ports.server}`;
const labOrigin = `http://127.0.0.1:${ports.lab}`;

let child;
if (what === 'server') {
  const pack = writeLimitedPack(
    path.join(root, 'datasets'),
    path.join(work, 'pack'),
    LIMITED_QUEST,
    LIMITED_QUEST_DAILY_LIMIT
  );
  child = spawn(process.execPath, [path.join(root, 'lib', 'server', 'main.js')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(ports.server),
      DATABASE_URL: `sqlite:${path.join(work, 'mlquest.db')}`,
      MLQUEST_QUEST_PACK: pack,
      MLQUEST_CORS_ORIGINS: `${labOrigin},http://localhost:${ports.lab}`,
      MLQUEST_EVAL_WORKERS: '1',
      MLQUEST_LOG_LEVEL: 'warn'
    }
  });
} else if (what === 'lab') {
  const settings = path.join(work, 'settings', 'jupyterlab-mlquest');
  fs.mkdirSync(settings, { recursive: true });
  fs.writeFileSync(path.join(settings, 'plugin.jupyterlab-settings'), JSON.stringify({ serverUrl, toastSeconds: 20 }));
  // No "official Jupyter news?" toast over the test's notifications.
  const apputils = path.join(work, 'settings', '@jupyterlab', 'apputils-extension');
  fs.mkdirSync(apputils, { recursive: true });
  fs.writeFileSync(path.join(apputils, 'notification.jupyterlab-settings'), JSON.stringify({ fetchNews: 'false' }));
  const notebooks = path.join(work, 'notebooks');
  fs.mkdirSync(notebooks);
  const venvBin = path.join(root, '.venv', 'bin');
  child = spawn(
    path.join(venvBin, 'jupyter'),
    [
      'lab',
      '--no-browser',
      '--allow-root',
      `--port=${ports.lab}`,
      '--ip=127.0.0.1',
      '--ServerApp.token=',
      '--ServerApp.password=',
      '--ServerApp.disable_check_xsrf=True',
      `--ServerApp.root_dir=${notebooks}`,
      '--LabApp.news_url=',
      '--LabApp.expose_app_in_browser=True',
      '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate'
    ],
    {
      cwd: notebooks,
      stdio: 'inherit',
      env: {
        ...process.env,
        PATH: `${venvBin}${path.delimiter}${process.env.PATH}`,
        JUPYTERLAB_SETTINGS_DIR: path.join(work, 'settings'),
        JUPYTERLAB_WORKSPACES_DIR: path.join(work, 'workspaces'),
        JUPYTER_RUNTIME_DIR: path.join(work, 'runtime'),
        MLQUEST_SERVER_URL: serverUrl
      }
    }
  );
} else {
  console.error('usage: node tests/e2e/launch.js server|lab');
  process.exit(2);
}

const stop = (signal) => {
  if (child && child.exitCode === null) child.kill(signal);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', (code) => {
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(code ?? 0);
});
