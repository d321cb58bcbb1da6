/**
 * The learner's path through ML Quest in a real browser: register in the sidebar, open quest 1's
 * starter notebook from the sidebar, run all cells, submit from the cell toolbar, see the result
 * and badge toasts and the sidebar update; then a model below the threshold and an undefined
 * variable get their own messages. Screenshots go to tests/artifacts/e2e/screenshots.
 */
import { expect, Page, test } from '@playwright/test';
import * as path from 'path';

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
  const button = page.locator('.jp-Notebook .jp-Cell.jp-mod-active .jp-cell-toolbar [data-command="mlquest:submit-cell"]');
  await expect(button).toBeVisible();
  await button.click();
}

async function addCellAtEnd(page: Page, source: string): Promise<void> {
  await page.evaluate(code => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    const notebook = app.shell.currentWidget.content;
    notebook.activeCellIndex = notebook.widgets.length - 1;
    return app.commands.execute('notebook:insert-cell-below').then(() => {
      notebook.activeCell.model.sharedModel.setSource(code);
    });
  }, source);
}

test('register, open quest 1, submit from the cell, earn XP and the First Steps badge; failures explain themselves', async ({ page }) => {
  const username = `learner_${Date.now().toString(36)}`;

  await test.step('JupyterLab loads with the ML Quest sidebar', async () => {
    await page.goto('/lab');
    await expect(page.locator('#jp-main-dock-panel')).toBeVisible({ timeout: 120_000 });
    await page.locator('.lm-TabBar-tab[data-id="jp-mlquest-sidebar"]').click();
    await expect(sidebar(page).getByRole('heading', { name: 'ML Quest' })).toBeVisible();
    await shot(page, '01-signed-out');
  });

  await test.step('register in the sidebar', async () => {
    const form = sidebar(page).locator('form.jp-mlquest-auth');
    await form.getByRole('tab', { name: 'Register' }).click();
    await form.locator('input[name="username"]').fill('x');
    await form.locator('input[name="email"]').fill(`${username}@example.org`);
    await form.locator('input[name="password"]').fill('a-long-password');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(sidebar(page).locator('[role="alert"]')).toContainText('username', { timeout: 15_000 });
    await shot(page, '02-register-error');
    await form.locator('input[name="username"]').fill(username);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText(username);
    await expect(sidebar(page).locator('.jp-mlquest-player')).toContainText('Level 1');
    await shot(page, '03-signed-in');
  });

  await test.step("open quest 1's starter notebook from the sidebar and run all cells", async () => {
    await sidebar(page).locator('[data-quest-id="1"] button.jp-mlquest-open').click();
    await expect(page.locator('.jp-NotebookPanel').first()).toBeVisible({ timeout: 60_000 });
    await kernelIdle(page);
    await page.getByRole('menuitem', { name: 'Run' }).click();
    await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
    await expect(page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-InputPrompt')).toHaveText(/\[\d+\]/, { timeout: 180_000 });
    await kernelIdle(page);
    await shot(page, '04-notebook-ran');
  });

  await test.step('submit from the cell toolbar: success toast, First Steps badge toast, sidebar updated', async () => {
    await page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-InputArea-editor').click();
    await submitActiveCell(page);
    expect(await finalToastText(page, /Quest passed|Not yet|rejected|failed|cannot|not signed|error|limit/i)).toContain('Quest passed with model');
    await expect(toast(page, 'Quest passed')).toContainText('r2');
    await expect(toast(page, 'First Steps')).toBeVisible();
    await shot(page, '05-success-toasts');
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
    await shot(page, '06c-leaderboard');
    await sidebar(page).getByRole('tab', { name: 'Quests' }).click();
  });

  await test.step('a model below the threshold shows the failure toast with its score', async () => {
    await addCellAtEnd(page, 'from sklearn.linear_model import Ridge\nweak = Ridge(alpha=1e12).fit(X, y)  # shrunk to a constant: far below the threshold');
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as { jupyterapp: any }).jupyterapp.commands.execute('notebook:run-cell'));
    await kernelIdle(page);
    await page.locator('.jp-Notebook .jp-CodeCell').last().locator('.jp-InputArea-editor').click();
    await submitActiveCell(page);
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('select').nth(1)).toHaveValue('weak');
    await shot(page, '07-choose-dialog');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    expect(await finalToastText(page, /with weak|\(weak\)|cannot|not signed|error|limit/i)).toMatch(/Not yet with weak: .* r2 -?\d/);
    await shot(page, '08-below-threshold');
    const metadata = await page.evaluate(
      () => (window as unknown as { jupyterapp: any }).jupyterapp.shell.currentWidget.content.activeCell.model.getMetadata('mlquest')
    );
    expect(metadata).toEqual({ quest: 1, model: 'weak' });
  });

  await test.step('an undefined variable shows its message', async () => {
    await page.evaluate(() => {
      const app = (window as unknown as { jupyterapp: any }).jupyterapp;
      app.shell.currentWidget.content.activeCell.model.setMetadata('mlquest', { quest: 1, model: 'no_such_model' });
    });
    await submitActiveCell(page);
    await expect(toast(page, "There is no variable named 'no_such_model'")).toBeVisible({ timeout: 60_000 });
    await shot(page, '09-undefined-variable');
  });
});
