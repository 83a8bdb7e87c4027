import type { Locator } from 'playwright-core';

/**
 * What does not fit inside `root`: elements cut off by an ancestor that hides overflow
 * (a truncated "Not scanne", an ellipsis on a tag chip), containers that scroll sideways
 * (a table wider than its card) and anything reaching past the root's edges — plus a page
 * that scrolls horizontally. Each entry names the element and by how much.
 */
export async function overflowProblems(root: Locator): Promise<string[]> {
  return root.evaluate(rootElement => {
    const problems: string[] = [];
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1) {
      problems.push(
        `the page scrolls sideways (${page.scrollWidth} px wide in ${page.clientWidth} px)`,
      );
    }
    const describe = (element: Element) => {
      const text = (element.textContent ?? '').trim().slice(0, 40);
      const name =
        element.getAttribute('aria-label') ??
        element.getAttribute('title') ??
        text;
      return `<${element.tagName.toLowerCase()}> "${name}"`;
    };
    const bounds = rootElement.getBoundingClientRect();
    for (const element of Array.from(rootElement.querySelectorAll('*'))) {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      // Not rendered, or visually hidden on purpose (screen-reader-only text, legends).
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (style.position === 'absolute' && style.opacity === '0') continue;
      const hides = ['hidden', 'clip', 'auto', 'scroll'].includes(
        style.overflowX,
      );
      // Only text can be lost; controls that clip their own decoration (a switch's
      // ripple) are not a problem.
      const hasText = (element.textContent ?? '').trim() !== '';
      if (hides && hasText && element.scrollWidth > element.clientWidth + 1) {
        problems.push(
          `${describe(element)} cuts or scrolls its content (${element.scrollWidth} px in ${element.clientWidth} px)`,
        );
      }
      if (rect.right > bounds.right + 1 || rect.left < bounds.left - 1) {
        problems.push(
          `${describe(element)} reaches past the edge (${Math.round(rect.left)}–${Math.round(rect.right)} px, view ${Math.round(bounds.left)}–${Math.round(bounds.right)} px)`,
        );
      }
    }
    return [...new Set(problems)];
  });
}
