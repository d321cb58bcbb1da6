/**
 * The learner's path through ML Quest in a real browser: the ML Quest panel open on the first
 * start without a click, a server that cannot be reached named in the signed-out sidebar,
 * register in the sidebar, open quest 1's starter notebook from the sidebar, run all cells,
 * submit from the cell toolbar, see the result, badge and level-up toasts and the sidebar update;
 * then a model below the threshold, the daily limit, an undefined variable (from the toolbar, the
 * context menu and the keyboard shortcut in command and edit mode), a server URL changed in the
 * Settings Editor, a submit while signed out, a reload that restores the sidebar, the dark theme,
 * and a reload that keeps the file browser the learner chose instead. The e2e server serves
 * quest 1 with a daily limit of 2 (limited-pack.js). Screenshots go to
 * tests/artifacts/e2e/screenshots.
 */
import { expect, type Page, test } from '@playwright/test';
import * as path from 'path';
import { freePort as deadPort } from '../helpers/live-server';
import { readableContrast } from './contrast';

const shots = path.resolve(__dirname, '..', 'artifacts', 'e2e', 'screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

const toast = (page: Page, text: string | RegExp) => page.locator('.Toastify__toast').filter({ hasText: text });

/** Wait for a notification matching `done` (the submit's final states), and return its text. */
async function finalToastText(page: Page, done: RegExp, timeout = 90_000): Promise<string> {
  const toasts = page.locator('.Toastify__toast').filter({ hasText: done });
  await expect(toasts.first()).toBeVisible({ timeout });
  return (await toasts.first().textContent()) ?? '';
}
const sidebar = (page: Page) => page.locator('#jp-mlquest-sidebar');

/**
 * Horizontal overflow at the sidebar's current width: the panel, its tables and charts scroll
 * sideways (scrollWidth > clientWidth), or a card holds a box that reaches past its content edge.
 */
async function overflowing(page: Page): Promise<string[]> {
  return sidebar(page).evaluate((root) => {
    const name = (n: Element) => `${n.tagName.toLowerCase()}.${Array.from(n.classList).join('.')}`;
    const scrolling = [root, ...Array.from(root.querySelectorAll('.jp-mlquest-sidebar-body, table, .jp-mlquest-chart'))]
      .filter((node) => node.scrollWidth > node.clientWidth + 1)
      .map((node) => `${name(node)}: ${node.scrollWidth} > ${node.clientWidth}`);
    const cutOff = Array.from(root.querySelectorAll('.jp-mlquest-quest')).flatMap((card) => {
      const style = getComputedStyle(card);
      const edge =
        card.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
      return Array.from(card.querySelectorAll('*'))
        .filter((d) => d.getBoundingClientRect().width > 0 && d.getBoundingClientRect().right > edge + 1)
        .map(
          (d) => `${name(card)} > ${name(d)}: ${Math.round(d.getBoundingClientRect().right - edge)}px past the edge`
        );
    });
    return [...scrolling, ...cutOff];
  });
}

/** Whether the current notebook has changes that are not saved. */
const notebookDirty = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { jupyterapp: any }).jupyterapp.shell.currentWidget.context.model.dirty as boolean
  );

/** A quest's card shows its result view with charts drawn by JupyterLab's Vega-Lite renderer. */
async function expectResultView(page: Page, questId: number): Promise<void> {
  const card = sidebar(page).locator(`[data-quest-id="${questId}"]`);
  await expect(card.locator('.jp-mlquest-result')).toBeVisible({ timeout: 30_000 });
  await expect(
    card.locator('.jp-mlquest-scale .vega-embed canvas, .jp-mlquest-scale .vega-embed svg').first()
  ).toBeVisible({ timeout: 30_000 });
  await expect(card.locator('.jp-mlquest-history .vega-embed').first()).toBeVisible();
}

async function kernelIdle(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const app = (window as unknown as { jupyterapp: any }).jupyterapp;
          const widget = app.shell.currentWidget;
          const kernel = widget?.sessionContext?.session?.kernel;
          return kernel ? kernel.status : 'none';
        }),
      { timeout: 180_000, intervals: [500] }
    )
    .toBe('idle');
}

async function submitActiveCell(page: Page): Promise<void> {
  const button = page.locator(
    '.jp-Notebook .jp-Cell.jp-mod-active .jp-cell-toolbar [data-command="mlquest:submit-cell"]'
  );
  await expect(button).toBeVisible();
  await button.click();
}

/** Set the active cell's `mlquest` metadata (which quest, which variable the submit uses). */
async function setCellQuest(page: Page, model: string): Promise<void> {
  await page.evaluate((name) => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    app.shell.currentWidget.content.activeCell.model.setMetadata('mlquest', { quest: 1, model: name });
  }, model);
}

/** Close every notification (also from the notification centre): JupyterLab shows only a few at once. */
async function dismissToasts(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { jupyterapp: any }).jupyterapp.commands.execute('apputils:dismiss-notification', {})
  );
  await expect(page.locator('.Toastify__toast')).toHaveCount(0);
}

async function notebookMode(page: Page): Promise<string> {
  const classes = (await page.locator('.jp-NotebookPanel:visible .jp-Notebook').first().getAttribute('class')) ?? '';
  return classes.includes('jp-mod-editMode') ? 'edit' : classes.includes('jp-mod-commandMode') ? 'command' : 'none';
}

/** Type a server URL into ML Quest's form in JupyterLab's Settings Editor (it saves by itself). */
async function setServerUrlInSettingsEditor(page: Page, url: string): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { jupyterapp: any }).jupyterapp.commands.execute('settingeditor:open', { query: 'ML Quest' })
  );
  const field = page.locator('input[id="jp-SettingsEditor-jupyterlab-mlquest:plugin_serverUrl"]');
  await expect(field).toBeVisible({ timeout: 30_000 });
  await field.fill(url);
  await field.press('Tab');
}

async function closeSettingsEditor(page: Page): Promise<void> {
  await page.evaluate(() => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    app.shell
      .widgets('main')
      .find((w: any) => w.node.querySelector('.jp-SettingsPanel'))
      ?.close();
  });
}

/** Wait until JupyterLab has saved the workspace with `current` as the open left panel. */
async function savedLeftPanel(page: Page, current: string): Promise<void> {
  // The layout restorer saves the workspace a moment after a change.
  await expect
    .poll(
      async () => {
        const reply = await page.request.get('/lab/api/workspaces/default');
        const left = (await reply.json())?.data?.['layout-restorer:data']?.left;
        return left ? `${left.current}:${left.collapsed}` : 'none';
      },
      { timeout: 30_000 }
    )
    .toBe(`${current}:false`);
}

async function activateNotebook(page: Page): Promise<void> {
  await page.evaluate(() => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    const panel = app.shell.widgets('main').find((w: any) => w.hasClass('jp-NotebookPanel'));
    app.shell.activateById(panel.id);
  });
  await page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-InputArea-editor').click();
}

async function addCellAtEnd(page: Page, source: string): Promise<void> {
  await page.evaluate((code) => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    const notebook = app.shell.currentWidget.content;
    notebook.activeCellIndex = notebook.widgets.length - 1;
    return app.commands.execute('notebook:insert-cell-below').then(() => {
      notebook.activeCell.model.sharedModel.setSource(code);
    });
  }, source);
}

test('register, open quest 1, submit from the cell, earn XP and the First Steps badge; failures explain themselves', async ({
  page
}) => {
  const username = `learner_${Date.now().toString(36)}`;

  await test.step('first start: JupyterLab opens with the ML Quest panel, without a click', async () => {
    // A fresh browser context: nothing in localStorage, as for a learner's first visit.
    await page.goto('/lab');
    await expect(page.locator('#jp-main-dock-panel')).toBeVisible({ timeout: 120_000 });
    await expect(sidebar(page).getByRole('heading', { name: 'ML Quest' })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.lm-TabBar-tab[data-id="jp-mlquest-sidebar"]')).toHaveClass(/lm-mod-current/);
    await expect(sidebar(page).locator('form.jp-mlquest-auth')).toBeVisible();
    await expect(sidebar(page).locator('[role="alert"]')).toHaveCount(0);
    // The welcome: what ML Quest is, an account first, the rules before the first try.
    await expect(sidebar(page).locator('.jp-mlquest-welcome-text')).toContainText('Learn machine learning by doing');
    await expect(sidebar(page).getByRole('tab', { name: 'Create an account' })).toHaveAttribute(
      'aria-selected',
      'true'
    );
    await expect(sidebar(page).getByRole('tab', { name: 'Sign in' })).toBeVisible();
    await expect(sidebar(page).locator('form.jp-mlquest-auth')).toContainText('At least 8 characters.');
    await expect(sidebar(page).locator('.jp-mlquest-status-line')).toContainText('Server:');
    expect(await overflowing(page)).toEqual([]);
    await shot(page, '01-signed-out');
  });

  await test.step('signed out, a server that cannot be reached is named in the sidebar at once', async () => {
    const good = (await sidebar(page).locator('.jp-mlquest-server').textContent())!.trim();
    const dead = `http://127.0.0.1:${await deadPort()}`;
    await setServerUrlInSettingsEditor(page, dead);
    await expect(sidebar(page).locator('.jp-mlquest-server')).toHaveText(dead);
    await expect(sidebar(page).locator('form.jp-mlquest-auth [role="alert"]')).toContainText(
      `The ML Quest server at ${dead} cannot be reached`
    );
    await shot(page, '01b-signed-out-unreachable');
    await setServerUrlInSettingsEditor(page, good);
    await expect(sidebar(page).locator('.jp-mlquest-server')).toHaveText(good);
    await expect(sidebar(page).locator('[role="alert"]')).toHaveCount(0);
    await closeSettingsEditor(page);
  });

  await test.step('register in the sidebar', async () => {
    const form = sidebar(page).locator('form.jp-mlquest-auth');
    await form.getByRole('tab', { name: 'Create an account' }).click();
    await form.locator('input[name="username"]').fill(username);
    await form.locator('input[name="email"]').fill(`${username}@example.org`);
    await form.locator('input[name="password"]').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    // The server's own words, without its internal "body.password:" prefix.
    await expect(sidebar(page).locator('[role="alert"]')).toHaveText('Password must be at least 8 characters', {
      timeout: 15_000
    });
    await form.locator('input[name="username"]').fill('x');
    await form.locator('input[name="password"]').fill('a-long-password');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(sidebar(page).locator('[role="alert"]')).toContainText('Username must be 3 to 32 characters', {
      timeout: 15_000
    });
    await expect(sidebar(page).locator('[role="alert"]')).not.toContainText('body.');
    await shot(page, '02-register-error');
    await form.locator('input[name="username"]').fill(username);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText(username);
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText('Level 1');
    // Chapters (the course) and player levels read differently; quests numbered along the path.
    await expect(sidebar(page).locator('.jp-mlquest-chapter h3').first()).toContainText('Chapter 1 · First Models');
    await expect(sidebar(page).locator('[data-quest-id="7"] .jp-mlquest-quest-title')).toHaveText(
      'Quest 3 · Delivery Time Estimator'
    );
    await expect(sidebar(page).locator('[data-quest-id="1"]')).toContainText('Goal: R² ≥ 0.8');
    // A locked quest: one compact line saying what opens it, no button, no daily limit.
    const locked = sidebar(page).locator('[data-quest-id="13"]');
    await expect(locked).toContainText('Opens with chapter 6 at 1300 XP (1300 XP to go)');
    await expect(locked.locator('button')).toHaveCount(0);
    await expect(locked).not.toContainText('Left today');
    // Pictures: the XP bar, the streak calendar and the course map, drawn by JupyterLab's Vega-Lite renderer.
    for (const chart of ['.jp-mlquest-xp-chart', '.jp-mlquest-calendar', '.jp-mlquest-map-chart']) {
      await expect(sidebar(page).locator(`${chart} .vega-embed`).first()).toBeVisible({ timeout: 30_000 });
    }
    await expect(sidebar(page).locator('.jp-mlquest-next-chapter')).toHaveText(
      'Chapter 2 · Classification opens at 100 XP: 100 XP to go.'
    );
    expect(await overflowing(page)).toEqual([]);
    await shot(page, '03-signed-in');
  });

  await test.step("open quest 1's starter notebook from the sidebar and run all cells", async () => {
    await sidebar(page).locator('[data-quest-id="1"] button.jp-mlquest-open').click();
    await expect(page.locator('.jp-NotebookPanel').first()).toBeVisible({ timeout: 60_000 });
    await kernelIdle(page);
    // A starter notebook opens unmodified, also once its kernel has connected.
    await expect.poll(() => notebookDirty(page), { timeout: 5_000 }).toBe(false);
    // Labelled Submit buttons: in the notebook toolbar, and on the submit cell without selecting it.
    await expect(page.locator('.jp-NotebookPanel-toolbar .jp-mlquest-toolbar-submit button')).toHaveText(
      'Submit to: Linear Regression Challenge'
    );
    const cellButton = page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-mlquest-cell-submit button');
    await expect(cellButton).toHaveText('Submit model to Quest 1 · Linear Regression Challenge');
    await expect(page.locator('.jp-Notebook .jp-CodeCell').last()).not.toHaveClass(/jp-mod-active/);
    await shot(page, '04a-labelled-submit-buttons');
    await page.getByRole('menuitem', { name: 'Run' }).click();
    await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
    await expect(page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-InputPrompt')).toHaveText(/\[\d+\]/, {
      timeout: 180_000
    });
    await kernelIdle(page);
    await shot(page, '04-notebook-ran');
  });

  await test.step('submit from the cell toolbar: success toast, First Steps badge toast, sidebar updated', async () => {
    await page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-InputArea-editor').click();
    const button = page.locator(
      '.jp-Notebook .jp-Cell.jp-mod-active .jp-cell-toolbar [data-command="mlquest:submit-cell"]'
    );
    await expect(button.locator('svg[data-icon="jupyterlab-mlquest:submit"]')).toBeVisible();
    // Tooltip: what the button does, and its keyboard shortcut.
    await expect(button).toHaveAttribute('title', /Convert the model of this cell to ONNX and submit it.*\(.*Alt.*S\)/);
    await page
      .locator('.jp-Notebook .jp-Cell.jp-mod-active .jp-cell-toolbar')
      .screenshot({ path: path.join(shots, '05a-cell-toolbar.png') });
    // The labelled button on the submit cell (the cell toolbar's icon does the same).
    await page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-mlquest-cell-submit button').click();
    expect(await finalToastText(page, /passed!|Not yet|rejected|failed|cannot|not signed|error|limit/i)).toContain(
      'Linear Regression Challenge passed! Your model scored R² 0.88'
    );
    await expect(toast(page, 'passed!')).not.toContainText('r2');
    await expect(toast(page, 'First Steps')).toBeVisible();
    // One toast for the level up, and only there.
    await expect(toast(page, /level up/i)).toHaveCount(1);
    await expect(toast(page, /level up/i)).toContainText('level 2');
    await expect(toast(page, 'passed!')).not.toContainText(/level/i);
    // The course's chapter 2 opened: its own toast.
    await expect(toast(page, '🔓 Chapter 2 · Classification unlocked')).toBeVisible();
    await shot(page, '05-success-toasts');
    // The result toast's "Details" opens the quest's result view in the sidebar, which stays.
    await toast(page, 'passed!').getByRole('button', { name: 'Details' }).click();
    await expectResultView(page, 1);
    await shot(page, '05b-result-view-passed');
    const quest = sidebar(page).locator('[data-quest-id="1"]');
    await expect(quest.locator('.jp-mlquest-status')).toHaveText('completed');
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText('100 XP');
    await shot(page, '06-sidebar-completed');
    await sidebar(page).getByRole('tab', { name: 'Badges' }).click();
    await expect(sidebar(page).locator('[data-badge-id="first-steps"]')).toHaveClass(/jp-mod-earned/);
    await expect(sidebar(page).locator('[data-badge-id="quest-master"]')).not.toHaveClass(/jp-mod-earned/);
    await expect(sidebar(page).locator('[data-badge-id="quest-master"]')).toContainText('5');
    await shot(page, '06b-badges');
    await sidebar(page).getByRole('tab', { name: 'Leaderboard' }).click();
    await expect(sidebar(page).locator('.jp-mlquest-leaderboard tr.jp-mod-me')).toContainText(username);
    // At the default sidebar width: nothing cut off sideways, the full name on hover.
    await expect(sidebar(page).locator('.jp-mlquest-leaderboard tr.jp-mod-me .jp-mlquest-player-cell')).toHaveAttribute(
      'title',
      username
    );
    await expect(sidebar(page).locator('.jp-mlquest-leaderboard th').last()).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await shot(page, '06c-leaderboard');
    await sidebar(page).getByRole('tab', { name: 'Quests' }).click();
  });

  await test.step('a model below the threshold shows the failure toast with its score', async () => {
    await addCellAtEnd(
      page,
      'from sklearn.linear_model import Ridge\nweak = Ridge(alpha=1e12).fit(X, y)  # shrunk to a constant: far below the threshold'
    );
    await page.keyboard.press('Escape');
    await page.evaluate(() =>
      (window as unknown as { jupyterapp: any }).jupyterapp.commands.execute('notebook:run-cell')
    );
    await kernelIdle(page);
    await page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-InputArea-editor').click();
    await submitActiveCell(page);
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('select').nth(0)).toHaveValue('1');
    await expect(dialog.locator('select').nth(1)).toHaveValue('weak');
    await shot(page, '07-choose-dialog');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    expect(await finalToastText(page, /your weak|\(weak\)|cannot|not signed|error|limit/i)).toMatch(
      /Not yet: Linear Regression Challenge — your weak scored R² -?\d/
    );
    // The new result replaced the quest's earlier "passed" toast: one result toast per quest.
    await expect(toast(page, /passed!|Not yet/)).toHaveCount(1);
    await shot(page, '08-below-threshold');
    // The result view: score on the scale, two attempts in the history, hints, and why the
    // notebook's cross-validation preview (of `model`) promised more than `weak` scored.
    await expectResultView(page, 1);
    const card = sidebar(page).locator('[data-quest-id="1"]');
    await expect(card.locator('.jp-mlquest-result-line')).toContainText('Latest: R² ');
    await expect(card.locator('.jp-mlquest-history')).toHaveAttribute('aria-label', /2 scored attempts/);
    await expect(card.locator('.jp-mlquest-cv')).toHaveText(/^Cross-validation preview in your notebook: 0\.\d+$/);
    await expect(card.locator('.jp-mlquest-gap')).toContainText('overfitting');
    await expect(card.locator('.jp-mlquest-hints li').last()).toHaveClass(/jp-mod-newest/);
    await expect(card.locator('.jp-mlquest-quest-board .vega-embed').first()).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await shot(page, '08b-result-view-failed');
    const metadata = await page.evaluate(() =>
      (window as unknown as { jupyterapp: any }).jupyterapp.shell.currentWidget.content.activeCell.model.getMetadata(
        'mlquest'
      )
    );
    expect(metadata).toEqual({ quest: 1, model: 'weak' });
  });

  await test.step('the daily limit reached shows when it resets, in local time', async () => {
    await dismissToasts(page);
    await expect(sidebar(page).locator('[data-quest-id="1"]')).toContainText('Left today: 0');
    await setCellQuest(page, 'model');
    await submitActiveCell(page);
    const text = await finalToastText(page, /limit|passed!|Not yet|cannot|not signed|error/i);
    expect(text).toContain('Daily submission limit reached');
    // The reset as clock time (e.g. "Mon 00:00") and the time left, not the server's UTC instant.
    expect(text).toMatch(/resets at \S+ \d{2}:\d{2}, in (\d+ h \d{2} min|\d+ min|less than a minute)/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).toContain('(rejected files do not count)'); // whole: not cut at JupyterLab's 140 characters
    await shot(page, '09a-daily-limit');
  });

  await test.step('an undefined variable shows its message', async () => {
    await setCellQuest(page, 'no_such_model');
    await submitActiveCell(page);
    await expect(toast(page, "There is no variable named 'no_such_model'")).toBeVisible({ timeout: 60_000 });
    await shot(page, '09-undefined-variable');
  });

  await test.step("submit from the code cell's context menu", async () => {
    await dismissToasts(page);
    await setCellQuest(page, 'from_context_menu');
    await page.locator('.jp-Notebook .jp-Cell.jp-mod-active .jp-InputArea-editor').click({ button: 'right' });
    const item = page.locator('.lm-Menu .lm-Menu-item[data-command="mlquest:submit-cell"]');
    await expect(item).toContainText('Submit model from cell');
    await expect(item.locator('.lm-Menu-itemShortcut')).toContainText(/Alt.*S/);
    await shot(page, '10-context-menu');
    await item.click();
    await expect(toast(page, "There is no variable named 'from_context_menu'")).toBeVisible({ timeout: 60_000 });
  });

  await test.step('submit with the keyboard shortcut, in command mode and in edit mode', async () => {
    await dismissToasts(page);
    const editor = page.locator('.jp-Notebook .jp-Cell.jp-mod-active .jp-InputArea-editor');
    const source = await page.evaluate(() =>
      (
        window as unknown as { jupyterapp: any }
      ).jupyterapp.shell.currentWidget.content.activeCell.model.sharedModel.getSource()
    );

    await setCellQuest(page, 'from_shortcut_command_mode');
    await editor.click();
    await page.keyboard.press('Escape');
    expect(await notebookMode(page)).toBe('command');
    await page.keyboard.press('Control+Shift+Alt+KeyS');
    await expect(toast(page, "There is no variable named 'from_shortcut_command_mode'")).toBeVisible({
      timeout: 60_000
    });

    await setCellQuest(page, 'from_shortcut_edit_mode');
    await editor.click();
    expect(await notebookMode(page)).toBe('edit');
    await page.keyboard.press('Control+Shift+Alt+KeyS');
    await expect(toast(page, "There is no variable named 'from_shortcut_edit_mode'")).toBeVisible({ timeout: 60_000 });
    // The keys went to the command, not into the cell's code.
    const after = await page.evaluate(() =>
      (
        window as unknown as { jupyterapp: any }
      ).jupyterapp.shell.currentWidget.content.activeCell.model.sharedModel.getSource()
    );
    expect(after).toBe(source);
    await setCellQuest(page, 'model');
  });

  await test.step('a server URL changed in the Settings Editor applies at once, without a reload', async () => {
    await dismissToasts(page);
    const good = (await sidebar(page).locator('.jp-mlquest-server').textContent())!.trim();
    const dead = `http://127.0.0.1:${await deadPort()}`;
    await setServerUrlInSettingsEditor(page, dead);
    await expect(sidebar(page).locator('.jp-mlquest-server')).toHaveText(dead);
    await expect(sidebar(page).locator('[role="alert"]')).toContainText(
      `The ML Quest server at ${dead} cannot be reached`
    );
    await activateNotebook(page);
    await submitActiveCell(page);
    const unreachable = toast(page, `The ML Quest server at ${dead} cannot be reached`);
    await expect(unreachable).toBeVisible({ timeout: 60_000 });
    await expect(unreachable.getByRole('button', { name: 'Settings' })).toBeVisible();
    await shot(page, '11-server-unreachable');
    await setServerUrlInSettingsEditor(page, good);
    await expect(sidebar(page).locator('.jp-mlquest-server')).toHaveText(good);
    await expect(sidebar(page).locator('[role="alert"]')).toHaveCount(0);
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText(username);
    await closeSettingsEditor(page);
    await activateNotebook(page);
  });

  await test.step('signed out, submit says so and its "Sign in" action opens the sidebar', async () => {
    await dismissToasts(page);
    await sidebar(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(sidebar(page).locator('form.jp-mlquest-auth')).toBeVisible();
    // Fold the left area away: the learner is in the notebook.
    await page.locator('.lm-TabBar-tab[data-id="jp-mlquest-sidebar"]').click();
    await expect(sidebar(page)).toBeHidden();
    await activateNotebook(page);
    await submitActiveCell(page);
    const notSignedIn = toast(page, 'You are not signed in to ML Quest');
    await expect(notSignedIn).toBeVisible({ timeout: 30_000 });
    await expect(sidebar(page)).toBeHidden();
    const signIn = notSignedIn.getByRole('button', { name: 'Sign in' });
    await expect(signIn).toBeVisible();
    await shot(page, '12-not-signed-in');
    await signIn.click();
    await expect(sidebar(page)).toBeVisible();
    const form = sidebar(page).locator('form.jp-mlquest-auth');
    await expect(form.locator('input[name="username"]')).toBeFocused();
    await form.getByRole('tab', { name: 'Sign in' }).click();
    await form.locator('input[name="username"]').fill(username);
    await form.locator('input[name="password"]').fill('a-long-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText(username);
  });

  await test.step('after a reload the ML Quest panel is still the open left panel, still signed in', async () => {
    await dismissToasts(page);
    await savedLeftPanel(page, 'jp-mlquest-sidebar');
    await page.reload();
    await expect(page.locator('#jp-main-dock-panel')).toBeVisible({ timeout: 120_000 });
    await expect(sidebar(page)).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.lm-TabBar-tab[data-id="jp-mlquest-sidebar"]')).toHaveClass(/lm-mod-current/);
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText(username);
    await expect(sidebar(page).locator('[data-quest-id="1"] .jp-mlquest-status')).toHaveText('completed');
    await shot(page, '13-restored-after-reload');
  });

  await test.step("quest 7's notebook: the dialog starts on quest 7 and lists only open quests; errors in full", async () => {
    await dismissToasts(page);
    await sidebar(page).locator('[data-quest-id="7"] button.jp-mlquest-open').click();
    const panel = page.locator('.jp-NotebookPanel:visible');
    await expect(panel.locator('.jp-NotebookPanel-toolbar .jp-mlquest-toolbar-submit button')).toHaveText(
      'Submit to: Delivery Time Estimator',
      { timeout: 60_000 }
    );
    await kernelIdle(page);
    await page.getByRole('menuitem', { name: 'Run' }).click();
    await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
    await expect(panel.locator('.jp-CodeCell').last().locator('.jp-InputPrompt')).toHaveText(/\[\d+\]/, {
      timeout: 180_000
    });
    await kernelIdle(page);
    // A cell of the learner's own, without ML Quest metadata.
    await addCellAtEnd(
      page,
      'from sklearn.tree import DecisionTreeRegressor\nn_rows = len(X)\ntree = DecisionTreeRegressor(max_depth=2).fit(X, y)'
    );
    await page.keyboard.press('Escape');
    await page.evaluate(() =>
      (window as unknown as { jupyterapp: any }).jupyterapp.commands.execute('notebook:run-cell')
    );
    await kernelIdle(page);
    await panel.locator('.jp-CodeCell').last().locator('.jp-InputArea-editor').click();
    await panel.locator('.jp-Cell.jp-mod-active .jp-cell-toolbar [data-command="mlquest:submit-cell"]').click();
    const dialog = page.locator('.jp-Dialog');
    const questSelect = dialog.locator('select').nth(0);
    await expect(questSelect).toHaveValue('7');
    const offered = await questSelect.locator('option').allTextContents();
    // Chapters 1 and 2 are open (100 XP): their six quests, numbered along the path; nothing locked.
    expect(offered).toEqual([
      'Quest 1 · Linear Regression Challenge (completed)',
      'Quest 2 · Iris Flower Spotter',
      'Quest 3 · Delivery Time Estimator',
      'Quest 4 · Binary Classification',
      'Quest 5 · Multi-class Classification',
      'Quest 6 · Churn Catcher'
    ]);
    await expect(dialog.locator('select').nth(1)).toHaveValue('tree');
    await shot(page, '16-dialog-quest-7');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    const result = await finalToastText(page, /your tree|cannot|error|limit/i);
    expect(result).toMatch(/Not yet: Delivery Time Estimator — your tree scored MAE \d/);
    expect(result).not.toContain('mae');
    await toast(page, 'your tree').getByRole('button', { name: 'Details' }).click();
    await expectResultView(page, 7);
    await shot(page, '17-result-view-quest-7');

    // An error longer than a toast holds: the toast shortens it, "Details" shows it all.
    await page.evaluate(() => {
      const app = (window as unknown as { jupyterapp: any }).jupyterapp;
      app.shell.currentWidget.content.activeCell.model.setMetadata('mlquest', { quest: 7, model: 'n_rows' });
    });
    await panel.locator('.jp-Cell.jp-mod-active .jp-cell-toolbar [data-command="mlquest:submit-cell"]').click();
    const error = toast(page, "'n_rows' is an int, not a model");
    await expect(error).toBeVisible({ timeout: 60_000 });
    // One toast per quest: the error replaced quest 7's result toast.
    await expect(toast(page, 'your tree')).toHaveCount(0);
    await error.getByRole('button', { name: 'Details' }).click();
    const details = page.locator('.jp-Dialog');
    await expect(details).toContainText(
      "'n_rows' is an int, not a model: submit a fitted scikit-learn estimator or pipeline, or a PyTorch nn.Module."
    );
    await shot(page, '18-error-details');
    await details.getByRole('button', { name: 'Close' }).click();
    await dismissToasts(page);
  });

  await test.step('light and dark themes: the sidebar text is readable in both', async () => {
    // Measured with quest 7's result view open: its text, hints and the advice sentence too.
    await expect(sidebar(page).locator('[data-quest-id="7"] .jp-mlquest-result')).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    const light = await readableContrast(sidebar(page));
    expect(light.checked).toBeGreaterThan(20);
    expect(light.failures).toEqual([]);
    await page.evaluate(() =>
      (window as unknown as { jupyterapp: any }).jupyterapp.commands.execute('apputils:change-theme', {
        theme: 'JupyterLab Dark'
      })
    );
    await expect(page.locator('body')).toHaveAttribute('data-jp-theme-light', 'false', { timeout: 30_000 });
    await expect(page.locator('body')).toHaveAttribute('data-jp-theme-name', 'JupyterLab Dark');
    await expect
      .poll(() => sidebar(page).evaluate((node) => getComputedStyle(node).backgroundColor))
      .not.toBe(light.background);
    await sidebar(page).screenshot({ path: path.join(shots, '14-sidebar-dark.png') });
    await shot(page, '14b-dark');
    const dark = await readableContrast(sidebar(page));
    expect(dark.checked).toBeGreaterThan(20);
    expect(dark.failures).toEqual([]);
    await sidebar(page).getByRole('tab', { name: 'Badges' }).click();
    const badges = await readableContrast(sidebar(page));
    expect(badges.failures).toEqual([]);
    await sidebar(page).screenshot({ path: path.join(shots, '14c-badges-dark.png') });
    await sidebar(page).getByRole('tab', { name: 'Quests' }).click();
  });

  await test.step("later starts keep the learner's own layout: the file browser stays after a reload", async () => {
    await page.locator('.lm-TabBar-tab[data-id="filebrowser"]').click();
    await expect(page.locator('#filebrowser')).toBeVisible();
    await savedLeftPanel(page, 'filebrowser');
    await page.reload();
    await expect(page.locator('#jp-main-dock-panel')).toBeVisible({ timeout: 120_000 });
    await expect(page.locator('#filebrowser')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.lm-TabBar-tab[data-id="filebrowser"]')).toHaveClass(/lm-mod-current/);
    // Give the first-run check (it runs once the layout is restored) time to act, had it wrongly.
    await page.evaluate(() => (window as unknown as { jupyterapp: any }).jupyterapp.restored.then(() => true));
    await expect(sidebar(page)).toBeHidden();
    await shot(page, '15-own-layout-kept');
  });
});
