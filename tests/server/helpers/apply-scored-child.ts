/**
 * Child process for the concurrency test: opens its own connection to the database file, waits
 * for the start signal (a file appearing), applies one passing scored submission and prints the
 * outcome as JSON on stdout.
 */
import fs from 'node:fs';
import { openDatabase } from '../../../server/db/database';
import { applyScoredSubmission } from '../../../server/services/apply-scored-submission';

const [dbPath, goFile, userId, questId, submissionId] = process.argv.slice(2);
const db = openDatabase(dbPath);
const wait = () => {
  if (!fs.existsSync(goFile)) {
    setTimeout(wait, 2);
    return;
  }
  const out = applyScoredSubmission(db, {
    userId: Number(userId),
    questId: Number(questId),
    submissionId: Number(submissionId),
    score: 0.9,
    passed: true,
    scoredAt: new Date()
  });
  db.close();
  process.stdout.write(JSON.stringify(out));
};
process.stdout.write('ready\n');
wait();
