/**
 * The once-per-browser rule for opening the ML Quest panel on the first start. The browser test
 * (tests/e2e) shows it with the real localStorage; here the cases a browser does not produce on
 * demand: storage that is missing or refuses writes (private modes, disabled storage).
 * The storage below is a plain in-memory Storage: Node has no localStorage.
 */
import { type FlagStorage, INTRODUCED_KEY, introduceOnce } from '../../extension/first-run';

class MemoryStorage implements FlagStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

test('the first start shows the panel and sets the flag; later starts do not show it', () => {
  const storage = new MemoryStorage();
  let shown = 0;
  expect(introduceOnce(() => shown++, storage)).toBe(true);
  expect(storage.items.has(INTRODUCED_KEY)).toBe(true);
  expect(introduceOnce(() => shown++, storage)).toBe(false);
  expect(shown).toBe(1);
});

test('without storage, or when it refuses the flag, the panel is not forced open at every start', () => {
  let shown = 0;
  expect(introduceOnce(() => shown++, null)).toBe(false);
  const refusing: FlagStorage = {
    getItem: () => null,
    setItem: () => {
      throw new Error('QuotaExceededError');
    }
  };
  expect(introduceOnce(() => shown++, refusing)).toBe(false);
  expect(shown).toBe(0);
});
