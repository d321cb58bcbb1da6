/** Reads one dataset split (train.csv or test.csv) into typed columns, naming file, row and column on error. */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { DatasetSplit, PackDataset } from './pack-types';
import { PackError } from './pack-error';

export function readSplit(csvPath: string, ds: PackDataset, label: string): DatasetSplit {
  if (!fs.existsSync(csvPath)) throw new PackError(`${label}: file not found (dataset "${ds.id}" needs it)`);
  let records: string[][];
  try {
    records = parse(fs.readFileSync(csvPath, 'utf8'), { skip_empty_lines: true, bom: true }) as string[][];
  } catch (err) {
    throw new PackError(`${label}: not valid CSV: ${(err as Error).message}`);
  }
  if (records.length < 2) throw new PackError(`${label}: needs a header row and at least one data row`);
  const header = records[0].map((h) => h.trim());
  const indexOf = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new PackError(`${label}: header has no column "${name}" (dataset "${ds.id}" in pack.json names it)`);
    return i;
  };
  const featureIdx = ds.features.map((f) => indexOf(f.name));
  const targetIdx = indexOf(ds.target);
  const rows = records.length - 1;
  const columns: (Float64Array | string[])[] = ds.features.map((f) =>
    f.type === 'string' ? new Array<string>(rows) : new Float64Array(rows)
  );
  const numericClasses = ds.classes !== undefined && ds.classes.every((c) => typeof c === 'number');
  const targetNumeric = ds.task_type === 'regression' || ds.task_type === 'clustering' || numericClasses;
  const classSet = ds.classes ? new Set(ds.classes.map((c) => String(c))) : null;
  const target: (number | string)[] = new Array(rows);

  for (let r = 0; r < rows; r++) {
    const rec = records[r + 1];
    const line = r + 2;
    if (rec.length !== header.length) {
      throw new PackError(`${label}: line ${line} has ${rec.length} fields, the header has ${header.length}`);
    }
    ds.features.forEach((f, j) => {
      const raw = rec[featureIdx[j]];
      const col = columns[j];
      if (f.type === 'string') {
        (col as string[])[r] = raw;
        return;
      }
      const v = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(v))
        throw new PackError(
          `${label}: line ${line}, column "${f.name}": "${raw}" is not a number (feature type ${f.type})`
        );
      if (f.type === 'int' && !Number.isInteger(v))
        throw new PackError(`${label}: line ${line}, column "${f.name}": "${raw}" is not an integer`);
      (col as Float64Array)[r] = v;
    });
    const rawT = rec[targetIdx];
    if (targetNumeric) {
      const v = rawT.trim() === '' ? NaN : Number(rawT);
      if (!Number.isFinite(v))
        throw new PackError(`${label}: line ${line}, target column "${ds.target}": "${rawT}" is not a number`);
      target[r] = v;
    } else {
      target[r] = rawT;
    }
    if (classSet && !classSet.has(String(target[r]))) {
      throw new PackError(
        `${label}: line ${line}, target column "${ds.target}": "${rawT}" is not one of the dataset's classes [${ds.classes!.join(', ')}]`
      );
    }
  }
  return { rows, features: ds.features.map((f) => ({ name: f.name, type: f.type })), columns, target, csvPath };
}
