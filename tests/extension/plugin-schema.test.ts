/**
 * The extension's declarations that a browser cannot judge: its keyboard shortcut against every
 * shortcut of the JupyterLab installed in .venv, its selectors against JupyterLab's own notebook
 * conventions, and its styles against the theme (only JupyterLab's CSS variables).
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const labSchemas = path.join(root, '.venv', 'share', 'jupyter', 'lab', 'schemas');

interface IShortcut {
  command: string;
  keys: string[];
  selector: string;
  disabled?: boolean;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Every settings schema of the installed JupyterLab (the files its settings registry reads). */
function jupyterLabSchemas(): Array<{ file: string; schema: Record<string, unknown> }> {
  if (!fs.existsSync(labSchemas)) {
    throw new Error(`${labSchemas} is missing: create the Python environment first (npm run setup:python).`);
  }
  const found: Array<{ file: string; schema: Record<string, unknown> }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.json')) {
        found.push({ file: path.relative(labSchemas, full), schema: readJson(full) });
      }
    }
  };
  walk(labSchemas);
  return found;
}

/** One keystroke as lumino compares it: modifiers in a fixed order, then the key. */
function normalizeKeystroke(keystroke: string): string {
  const parts = keystroke.trim().split(/\s+/);
  const key = parts.pop() ?? '';
  const modifiers = new Set(parts.map((part) => (part === 'Cmd' || part === 'Ctrl' ? 'Accel' : part)));
  return [...['Accel', 'Alt', 'Shift'].filter((m) => modifiers.has(m)), key.toUpperCase()].join(' ');
}

const ours = readJson(path.join(root, 'schema', 'plugin.json'));
const ourShortcuts = ours['jupyter.lab.shortcuts'] as IShortcut[];

describe('schema/plugin.json', () => {
  const lab = jupyterLabSchemas().filter(({ file }) => !file.startsWith('jupyterlab-mlquest'));

  test('JupyterLab schemas were found (the checks below compare against them)', () => {
    expect(lab.length).toBeGreaterThan(20);
  });

  test('the submit shortcut clashes with no shortcut of JupyterLab', () => {
    const taken = new Map<string, string>();
    for (const { file, schema } of lab) {
      for (const shortcut of (schema['jupyter.lab.shortcuts'] as IShortcut[] | undefined) ?? []) {
        if (!shortcut.disabled && shortcut.keys.length > 0 && shortcut.keys[0] !== '') {
          taken.set(shortcut.keys.map(normalizeKeystroke).join(', '), `${shortcut.command} (${file})`);
        }
      }
    }
    expect(taken.size).toBeGreaterThan(100);
    const submit = ourShortcuts.filter((s) => s.command === 'mlquest:submit-cell');
    expect(submit.length).toBeGreaterThan(0);
    for (const shortcut of submit) {
      const keys = shortcut.keys.map(normalizeKeystroke).join(', ');
      expect({ keys, clashesWith: taken.get(keys) ?? null }).toEqual({ keys, clashesWith: null });
    }
  });

  test("the submit shortcut works in command mode and edit mode, with the selectors JupyterLab's own Run Cell uses", () => {
    const tracker = lab.find(({ file }) => file === path.join('@jupyterlab', 'notebook-extension', 'tracker.json'));
    expect(tracker).toBeDefined();
    const runCell = (tracker!.schema['jupyter.lab.shortcuts'] as IShortcut[]).filter(
      (s) => s.command === 'notebook:run-cell' && s.keys.join('') !== ''
    );
    const runCellSelectors = new Set(runCell.map((s) => s.selector));
    expect(runCellSelectors.size).toBe(2); // command mode and edit mode
    const submitSelectors = new Set(
      ourShortcuts.filter((s) => s.command === 'mlquest:submit-cell').map((s) => s.selector)
    );
    expect(submitSelectors).toEqual(runCellSelectors);
    expect([...submitSelectors].some((selector) => selector.includes('jp-mod-commandMode'))).toBe(true);
    expect([...submitSelectors].some((selector) => selector.includes('jp-mod-editMode'))).toBe(true);
  });

  test('the submit command is in the code cell context menu and the cell toolbar', () => {
    const context = (ours['jupyter.lab.menus'] as { context: Array<{ command: string; selector: string }> }).context;
    expect(context).toContainEqual(
      expect.objectContaining({ command: 'mlquest:submit-cell', selector: expect.stringContaining('.jp-CodeCell') })
    );
    const cellToolbar = (ours['jupyter.lab.toolbars'] as Record<string, Array<{ command: string }>>).Cell;
    expect(cellToolbar).toContainEqual(expect.objectContaining({ command: 'mlquest:submit-cell' }));
  });
});

describe('extension styles', () => {
  const styleDir = path.join(root, 'extension', 'style');
  const css = fs
    .readdirSync(styleDir)
    .filter((name) => name.endsWith('.css'))
    .map((name) => ({
      name,
      text: fs.readFileSync(path.join(styleDir, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    }));

  test('colours come only from JupyterLab theme variables, so light and dark themes both apply', () => {
    expect(css.length).toBeGreaterThan(0);
    const offending: string[] = [];
    for (const { name, text } of css) {
      for (const match of text.matchAll(
        /(^|[;{\s])((?:background(?:-color)?|color|border(?:-(?:top|bottom|left|right))?(?:-color)?|outline|fill|stroke|box-shadow)\s*:\s*([^;}]+))/g
      )) {
        // What is left of the value once theme variables and colourless words are taken out.
        const rest = match[3]
          .replace(/var\(--jp-[a-z0-9-]+\)/g, '')
          .replace(/\b(none|transparent|inherit|currentColor|solid|dashed|dotted|\d*\.?\d+(px|em|rem|%)?|0)\b/gi, '')
          .trim();
        if (rest !== '' || /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i.test(match[3])) {
          offending.push(`${name}: ${match[2].trim()}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
