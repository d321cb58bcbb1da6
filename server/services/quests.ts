/**
 * The quest catalog as a caller sees it: the levels, the quest list (with status, best score and
 * submissions left today), one quest's detail, its train split and its starter notebook, and the
 * checks that a quest is offered and unlocked.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Level, QuestDetail, QuestSummary } from '../../shared/api';
import type { Db } from '../db/database';
import { activeLevels, activeQuests, findLevel, findQuest, type QuestRow } from '../db/repositories/catalog';
import { userProgress } from '../db/repositories/progress';
import { dailyLimitCounts } from '../db/repositories/submissions-read';
import type { UserRow } from '../db/repositories/users';
import { localDay } from '../rules/calendar';
import { revealedHints } from '../rules/hints';
import { levelUnlocked } from '../rules/quest-status';
import { levelView, questDetailView, questSummaryView } from '../views/quests';
import type { ServiceDeps } from './deps';
import { NotFound, QuestLocked, QuestNotFound } from './errors';
import { questListJson } from './quest-list-cache';

/** A file to send as it is, with the name to offer for it. */
export interface ServedFile {
  bytes: Uint8Array<ArrayBuffer>;
  filename: string;
}

export function listQuestSummaries(db: Db, user: UserRow | undefined, now: Date): QuestSummary[] {
  const levels = new Map(activeLevels(db).map((l) => [l.id, l]));
  const progress = new Map((user ? userProgress(db, user.id) : []).map((p) => [p.quest_id, p]));
  const used = user ? dailyLimitCounts(db, user.id, localDay(user.timezone, now)) : new Map<number, number>();
  return activeQuests(db).map((q) =>
    questSummaryView(q, levels.get(q.level_id), user ? user.total_xp : null, progress.get(q.id), used.get(q.id) ?? 0)
  );
}

/** An active quest, or QuestNotFound (unknown or no longer offered). */
export function requireActiveQuest(db: Db, questId: number): QuestRow {
  const q = findQuest(db, questId);
  if (!q) throw new QuestNotFound(`Quest ${questId} does not exist; GET /quests/ lists them.`);
  if (q.active !== 1)
    throw new QuestNotFound(`Quest ${questId} is no longer offered; GET /quests/ lists the current quests.`);
  return q;
}

export class QuestService {
  constructor(private readonly deps: ServiceDeps) {}

  levels(user: UserRow | undefined): Level[] {
    return activeLevels(this.deps.db).map((l) => levelView(l, user ? user.total_xp : null));
  }

  list(user: UserRow | undefined): QuestSummary[] {
    return listQuestSummaries(this.deps.db, user, this.deps.now());
  }

  /** The JSON of `list(user)` for a signed-in player, cached between database changes. */
  listJson(user: UserRow): Uint8Array<ArrayBuffer> {
    const { db } = this.deps;
    const now = this.deps.now();
    return questListJson(db, user, now, (fresh) => listQuestSummaries(db, fresh, now));
  }

  detail(user: UserRow | undefined, questId: number): QuestDetail {
    const { db, catalog } = this.deps;
    const q = requireActiveQuest(db, questId);
    const level = findLevel(db, q.level_id);
    const p = user ? userProgress(db, user.id).find((r) => r.quest_id === q.id) : undefined;
    const used = user ? (dailyLimitCounts(db, user.id, localDay(user.timezone, this.deps.now())).get(q.id) ?? 0) : 0;
    const summary = questSummaryView(q, level, user ? user.total_xp : null, p, used);
    const hints = catalog.quest(q.id)?.hints ?? [];
    const revealed = revealedHints(hints, { failedAttempts: p?.attempts ?? 0, passed: Boolean(p?.completed_at) });
    return questDetailView(
      summary,
      catalog.datasets.get(q.dataset),
      { revealed, total: hints.length },
      level?.required_xp ?? 0
    );
  }

  /** The quest, or QuestNotFound / QuestLocked (with the XP that unlocks its level). */
  requireUnlocked(user: UserRow, questId: number): QuestRow {
    const { db } = this.deps;
    const q = requireActiveQuest(db, questId);
    const level = findLevel(db, q.level_id);
    const required = level?.required_xp ?? 0;
    if (!levelUnlocked(user.total_xp, required)) {
      throw new QuestLocked(
        `Quest ${questId} is locked: level "${level?.name ?? q.level_id}" unlocks at ${required} XP and you have ` +
          `${user.total_xp} XP; earn ${required - user.total_xp} more XP in earlier quests.`
      );
    }
    return q;
  }

  /** The train split as CSV (the test split is never served). */
  trainSplit(questId: number): ServedFile {
    const q = requireActiveQuest(this.deps.db, questId);
    const ds = this.deps.catalog.datasets.get(q.dataset);
    if (!ds) throw new NotFound('dataset_not_found', `The dataset of quest ${q.id} is not in the loaded quest pack.`);
    return { bytes: fs.readFileSync(ds.train.csvPath), filename: `${q.slug}-train.csv` };
  }

  /** The quest's starter notebook. */
  notebook(questId: number): ServedFile {
    const q = requireActiveQuest(this.deps.db, questId);
    if (!q.notebook) throw new NotFound('notebook_not_found', `Quest ${q.id} has no starter notebook.`);
    const filename = path.basename(q.notebook);
    const file = path.join(this.deps.config.notebooksDir, filename);
    if (!fs.existsSync(file)) {
      throw new NotFound(
        'notebook_not_found',
        `The starter notebook "${q.notebook}" of quest ${q.id} is missing on the server; tell the instructor.`
      );
    }
    return { bytes: fs.readFileSync(file), filename };
  }
}
