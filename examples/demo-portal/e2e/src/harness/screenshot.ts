import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

const RESULTS_DIR = resolve(__dirname, '../../test-results');
const REPO_ROOT = resolve(__dirname, '../../../../..');

/**
 * Saves a screenshot under test-results/. With UPDATE_SCREENSHOTS=1 (`npm run
 * screenshots`), also writes it to the committed paths the READMEs show, so that a plain
 * test run never changes tracked files.
 */
export async function screenshot(
  target: Page | Locator,
  name: string,
  publishedPaths: string[] = [],
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const paths = [join(RESULTS_DIR, `${name}.png`)];
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    paths.push(...publishedPaths.map(p => join(REPO_ROOT, p)));
  }
  if (options.fullPage && 'mouse' in target) {
    // A full-page capture draws fixed elements (the sidebar) where the viewport is: start
    // from the top left, with the pointer off any hover effect.
    const width = target.viewportSize()?.width ?? 1280;
    await target.mouse.move(width - 5, 5);
    await target.evaluate(() => window.scrollTo(0, 0));
  }
  const image = await target.screenshot(options);
  for (const path of paths) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, image);
  }
}
