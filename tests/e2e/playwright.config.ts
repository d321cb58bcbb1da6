/**
 * Browser tests: Debian's Chromium drives a real JupyterLab (from .venv, with the extension
 * installed by `pip install .`) and a real ML Quest server on a temporary database.
 * Prerequisites: `npm run build` and `.venv/bin/pip install .` (the extension), as .ci/run does.
 */
import { defineConfig } from '@playwright/test';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- ports.js is shared with the CommonJS launchers
const { ports } = require('./ports');

const root = path.resolve(__dirname, '..', '..');
const artifacts = path.join(root, 'tests', 'artifacts', 'e2e');

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  outputDir: path.join(artifacts, 'results'),
  timeout: 240_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: path.join(artifacts, 'report'), open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${ports.lab}`,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox']
    }
  },
  webServer: [
    {
      command: 'node tests/e2e/launch.js server',
      cwd: root,
      url: `http://127.0.0.1:${ports.server}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe'
    },
    {
      command: 'node tests/e2e/launch.js lab',
      cwd: root,
      url: `http://127.0.0.1:${ports.lab}/lab`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe'
    }
  ]
});
