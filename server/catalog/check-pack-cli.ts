/**
 * `node lib/server/catalog/check-pack-cli.js DIR`: the server's own validation of a quest pack
 * folder, for `npm run quest` (datasets/quest.py). It runs what the server runs at start-up —
 * the schema, the cross-references and the catalog check on pack.json, then both CSV splits of
 * every dataset — but collects the problems instead of stopping at the first, and prints them
 * as JSON `{"problems": [...]}` on stdout. Exit code 0 when the pack is usable, 1 when not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validatePack } from './load-pack';
import { readSplit } from './csv-split';
import { PackError } from './pack-error';
import type { QuestPack } from './pack-types';

function linesOf(err: unknown): string[] {
  if (!(err instanceof PackError)) throw err;
  const [first, ...rest] = err.message.split('\n');
  // "The quest pack is not usable:\n  a\n  b" -> [a, b]; a one-line message stays whole.
  return rest.length > 0 ? rest.map((l) => l.trim()).filter((l) => l.length > 0) : [first];
}

export function packProblems(dir: string): string[] {
  const packFile = path.join(dir, 'pack.json');
  if (!fs.existsSync(packFile)) return [`${packFile}: not found (the folder must hold pack.json)`];
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(packFile, 'utf8'));
  } catch (err) {
    return [`${packFile}: not valid JSON: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  let pack: QuestPack | null = null;
  try {
    pack = validatePack(raw, packFile);
  } catch (err) {
    problems.push(...linesOf(err));
  }
  // The splits are read even when pack.json has other problems, as long as its datasets are readable.
  const datasets = pack?.datasets ?? (raw as Partial<QuestPack>).datasets;
  if (Array.isArray(datasets)) {
    for (const ds of datasets) {
      if (!ds || typeof ds.dir !== 'string' || !Array.isArray(ds.features) || typeof ds.target !== 'string') continue;
      for (const split of ['train.csv', 'test.csv']) {
        const file = path.join(dir, ds.dir, split);
        try {
          readSplit(file, ds, file);
        } catch (err) {
          problems.push(...linesOf(err));
        }
      }
    }
  }
  return problems;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node lib/server/catalog/check-pack-cli.js PACK_DIR\n');
    process.exit(2);
  }
  const problems = packProblems(path.resolve(dir));
  process.stdout.write(JSON.stringify({ problems }) + '\n');
  process.exit(problems.length > 0 ? 1 : 0);
}
