// The default quest pack with a smaller daily submission limit on one quest, so that the browser
// test reaches the limit in a few submissions. Written to a temporary folder: pack.json is copied
// with the one change, each dataset folder is a symbolic link to the real one (nothing drifts).
const fs = require('fs');
const path = require('path');

/** Returns the folder of the new pack (for MLQUEST_QUEST_PACK). */
function writeLimitedPack(sourceDir, targetDir, questId, dailyLimit) {
  const pack = JSON.parse(fs.readFileSync(path.join(sourceDir, 'pack.json'), 'utf8'));
  const quest = pack.quests.find((q) => q.id === questId);
  if (!quest) throw new Error(`quest ${questId} is not in ${sourceDir}/pack.json`);
  quest.daily_submission_limit = dailyLimit;
  fs.mkdirSync(targetDir, { recursive: true });
  for (const dataset of pack.datasets) {
    fs.symlinkSync(path.resolve(sourceDir, dataset.dir), path.join(targetDir, dataset.dir), 'dir');
  }
  fs.writeFileSync(path.join(targetDir, 'pack.json'), JSON.stringify(pack, null, 2));
  return targetDir;
}

// Quest 1 allows two scored submissions a day in the browser test: the passing model and the
// weak one; the third attempt meets the limit.
const LIMITED_QUEST = 1;
const LIMITED_QUEST_DAILY_LIMIT = 2;

module.exports = { writeLimitedPack, LIMITED_QUEST, LIMITED_QUEST_DAILY_LIMIT };
