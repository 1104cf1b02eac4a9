// Headless Chromium (Debian's package; playwright-core downloads no browser) for the code-server workbench.
import { chromium } from 'playwright-core';

const executablePath = process.env.PA_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium({ headless = true } = {}) {
  return chromium.launch({
    executablePath,
    headless,
    args: [
      '--no-sandbox', // we run as root
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a page with the two hooks the workbench calls when it runs extension tests:
 * codeAutomationLog(type, args) for the extension host's console, codeAutomationExit(code) at the end.
 */
export async function newAutomationPage(browser, { onLog, onExit, viewport = { width: 1400, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog?.(type, args));
  await page.exposeFunction('codeAutomationExit', (code) => onExit?.(code));
  return page;
}
