// Layout checks for browser tests, reading through shadow roots: is an element fully on screen
// (not cut by the viewport or by any clipping ancestor), and does any word of its text break across
// lines ("Отличн/о")?
import type { Locator } from 'playwright-core';

/** What cuts the element off, or an empty list when all of it can be seen without scrolling. */
export function clipping(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const problems: string[] = [];
    const box = element.getBoundingClientRect();
    const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}`;
    if (box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5) {
      problems.push(`outside the viewport: ${Math.round(box.left)}–${Math.round(box.right)} of ${document.documentElement.clientWidth}`);
    }
    let node: Node | null = element;
    for (;;) {
      node = node instanceof Element && node.assignedSlot ? node.assignedSlot : node.parentNode;
      if (node instanceof ShadowRoot) node = node.host;
      if (!(node instanceof Element) || node === document.documentElement) break;
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible' && node.tagName.toLowerCase() !== 'svg') continue;
      const outer = node.getBoundingClientRect();
      if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5) {
        problems.push(`cut by ${describe(node)}: ${Math.round(box.left)}–${Math.round(box.right)} inside ${Math.round(outer.left)}–${Math.round(outer.right)}`);
      }
    }
    return problems;
  });
}

/** The words of the element's text that are split across two lines. */
export function wordsBrokenAcrossLines(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}
