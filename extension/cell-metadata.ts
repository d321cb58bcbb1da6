/** Reads and checks the `mlquest` metadata of a cell: `{ quest: number, model: string }`. */
export interface ICellQuest {
  quest: number;
  model: string;
}

export const METADATA_KEY = 'mlquest';

export function readCellQuest(metadata: unknown): Partial<ICellQuest> {
  if (!metadata || typeof metadata !== 'object') {
    return {};
  }
  const value = metadata as Record<string, unknown>;
  const out: Partial<ICellQuest> = {};
  const quest = typeof value.quest === 'string' ? Number(value.quest) : value.quest;
  if (typeof quest === 'number' && Number.isInteger(quest) && quest > 0) {
    out.quest = quest;
  }
  if (typeof value.model === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value.model)) {
    out.model = value.model;
  }
  return out;
}

export function isComplete(choice: Partial<ICellQuest>): choice is ICellQuest {
  return choice.quest !== undefined && choice.model !== undefined;
}

/**
 * The quest a notebook belongs to: the notebook's own `mlquest.quest`, else the first cell that
 * names one. Undefined for a notebook that is no quest's.
 */
export function notebookQuest(notebookMetadata: unknown, cellMetadata: unknown[]): number | undefined {
  const own = readCellQuest(notebookMetadata).quest;
  if (own !== undefined) {
    return own;
  }
  for (const metadata of cellMetadata) {
    const quest = readCellQuest(metadata).quest;
    if (quest !== undefined) {
      return quest;
    }
  }
  return undefined;
}

/** The index of the notebook's submit cell (the first cell that names its quest and model), or -1. */
export function submitCellIndex(cellMetadata: unknown[]): number {
  return cellMetadata.findIndex((metadata) => isComplete(readCellQuest(metadata)));
}
