#!/usr/bin/env node
// Builds the prebuilt JupyterLab extension (lib/labextension) with @jupyter/builder.
// - stages only schema/plugin.json as the settings schema (schema/ also holds the quest-pack
//   schema, which must not show up in the Settings Editor);
// - marks the server's npm dependencies (hono, onnxruntime-node, …) as not shared, so the
//   browser bundle neither provides nor bundles them. Run after `tsc -b`.
const fs = require('fs');
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..');
const packageFile = path.join(root, 'package.json');
const pkg = JSON.parse(fs.readFileSync(packageFile, 'utf8'));

const schemaDir = path.join(root, pkg.jupyterlab.schemaDir);
fs.rmSync(schemaDir, { recursive: true, force: true });
fs.mkdirSync(schemaDir, { recursive: true });
fs.copyFileSync(path.join(root, 'schema', 'plugin.json'), path.join(schemaDir, 'plugin.json'));

// shared/ (the API contract, the metric names) belongs to the server's TypeScript project, which
// the extension's references for the typed client; tsc then emits its files only there (CommonJS,
// lib/shared). The bundle imports them from lib/browser/shared: emit them there as ES modules.
const ts = require('typescript');
const sharedSrc = path.join(root, 'shared');
const sharedOut = path.join(root, 'lib', 'browser', 'shared');
fs.mkdirSync(sharedOut, { recursive: true });
for (const file of fs.readdirSync(sharedSrc).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
  const source = fs.readFileSync(path.join(sharedSrc, file), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file
  });
  fs.writeFileSync(path.join(sharedOut, file.replace(/\.ts$/, '.js')), outputText);
}

const browserPackage = /^(@jupyterlab\/|@lumino\/|react$|react-dom$)/;
const notShared = {};
for (const name of Object.keys(pkg.dependencies || {})) {
  if (!browserPackage.test(name)) {
    notShared[name] = false;
  }
}
pkg.jupyterlab = { ...pkg.jupyterlab, sharedPackages: { ...notShared, ...(pkg.jupyterlab.sharedPackages || {}) } };

// The builder reads package.json with require(): hand it the adjusted copy.
const cached = new Module(packageFile);
cached.filename = packageFile;
cached.loaded = true;
cached.exports = pkg;
require.cache[packageFile] = cached;

const builder = path.dirname(require.resolve('@jupyter/builder/package.json'));
const corePackage = require.resolve('@jupyterlab/core-meta/core.package.json');
const extra = process.argv.slice(2);
process.argv = [
  process.argv[0],
  path.join(builder, 'lib', 'build-labextension.js'),
  '--core-package-file',
  corePackage,
  ...extra,
  root
];
require(path.join(builder, 'lib', 'build-labextension.js'));
