/** The server's version, from package.json. */
import fs from 'node:fs';
import path from 'node:path';

function readVersion(): string {
  for (const p of [path.resolve(__dirname, '../package.json'), path.resolve(__dirname, '../../package.json')]) {
    try {
      const v = (JSON.parse(fs.readFileSync(p, 'utf8')) as { version?: string }).version;
      if (v) return v;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

export const SERVER_VERSION = readVersion();
