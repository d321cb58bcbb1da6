/**
 * The learner's workspace: the folder JupyterLab serves (`workspace/` by default, git-ignored),
 * seeded from the committed starter notebooks. A file already in the workspace is never replaced:
 * the learner's saved work wins, and the committed `notebooks/` stay as they were committed.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Copies each starter notebook that is missing from the workspace; returns the names copied. */
export function seedWorkspace(notebooksDir: string, workspaceDir: string): string[] {
  fs.mkdirSync(workspaceDir, { recursive: true });
  const copied: string[] = [];
  for (const name of fs.readdirSync(notebooksDir).sort()) {
    if (!name.endsWith('.ipynb')) continue;
    try {
      // COPYFILE_EXCL: fails instead of overwriting, also when the file appears meanwhile.
      fs.copyFileSync(path.join(notebooksDir, name), path.join(workspaceDir, name), fs.constants.COPYFILE_EXCL);
      copied.push(name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return copied;
}
