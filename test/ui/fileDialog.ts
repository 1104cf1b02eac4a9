import type { Workbench } from './workbench';

// Kept apart from workbench.ts, which is already at its size limit.

/**
 * Answers a file dialog titled `title`: code-server shows VS Code's own dialog in the quick input, so a
 * user types the absolute path over the one offered and presses Enter.
 */
export async function answerFileDialog(wb: Workbench, title: string, path: string): Promise<void> {
  await wb.waitForPrompt(title);
  const input = wb.quickInput().locator('.quick-input-box input');
  await input.fill(path);
  // The dialog lists the folder as the path changes; let it settle so Enter accepts the typed path.
  await wb.page.waitForTimeout(500);
  await wb.page.keyboard.press('Enter');
  await wb.quickInput().waitFor({ state: 'hidden', timeout: 15_000 });
}
