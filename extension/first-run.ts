/**
 * First start: a learner who opens JupyterLab for the first time sees the ML Quest panel without
 * having to find its icon. Once shown, a flag in the browser's storage remembers it, so that later
 * starts keep the learner's own layout (the layout restorer brings back whatever they chose).
 */
export const INTRODUCED_KEY = 'jupyterlab-mlquest:introduced';

/** The part of the Web Storage API used here (window.localStorage in the browser). */
export type FlagStorage = Pick<Storage, 'getItem' | 'setItem'>;

function browserStorage(): FlagStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Call `show` once per browser: when the flag is absent, show the panel and set the flag.
 * Without usable storage nothing is shown, because the flag could not stop it showing again at
 * every start over the learner's own layout. Returns whether `show` was called.
 */
export function introduceOnce(show: () => void, storage: FlagStorage | null = browserStorage()): boolean {
  if (!storage) {
    return false;
  }
  try {
    if (storage.getItem(INTRODUCED_KEY) !== null) {
      return false;
    }
    storage.setItem(INTRODUCED_KEY, new Date().toISOString());
  } catch {
    return false;
  }
  show();
  return true;
}
