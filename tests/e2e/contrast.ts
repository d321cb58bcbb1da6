/**
 * Readability of rendered text, measured in the page: for every visible element that holds text,
 * the WCAG 2 contrast ratio of its colour (with the opacity of it and its ancestors) against the
 * background it is drawn on (the stack of ancestors' backgrounds). Disabled controls are exempt,
 * as in WCAG. AA asks for 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
 */
import type { Locator } from '@playwright/test';

export interface IContrastReport {
  /** How many text elements were measured. */
  checked: number;
  /** "text (selector): ratio fg on bg" for each element below its required ratio. */
  failures: string[];
  /** The root's own computed background colour (to see a theme change land). */
  background: string;
}

export function readableContrast(root: Locator): Promise<IContrastReport> {
  return root.evaluate((rootNode: Element) => {
    type RGBA = [number, number, number, number];
    const parse = (value: string): RGBA | null => {
      const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
      if (!m) return null;
      const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const luminance = (c: RGBA): number => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      };
      return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
    };
    const ratio = (a: RGBA, b: RGBA): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const show = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;

    /** The colour an element's background area shows: its own and its ancestors' backgrounds, stacked. */
    const backgroundOf = (element: Element): RGBA => {
      const layers: RGBA[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg[3] > 0) {
          layers.push(bg);
          if (bg[3] >= 1) break;
        }
      }
      let colour: RGBA = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const opacityOf = (element: Element): number => {
      let opacity = 1;
      for (let node: Element | null = element; node; node = node.parentElement)
        opacity *= parseFloat(getComputedStyle(node).opacity);
      return opacity;
    };

    const failures: string[] = [];
    let checked = 0;
    for (const element of [rootNode, ...Array.from(rootNode.querySelectorAll('*'))]) {
      const ownText = Array.from(element.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!/[\p{L}\p{N}]/u.test(ownText)) continue; // no text, or an emoji / symbol only
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || (element as HTMLElement).closest(':disabled')) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') continue;
      const fg = parse(style.color);
      if (!fg) {
        failures.push(`${ownText.slice(0, 40)}: colour "${style.color}" not understood`);
        continue;
      }
      const bg = backgroundOf(element);
      const text = over([fg[0], fg[1], fg[2], fg[3] * opacityOf(element)], bg);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      const measured = ratio(text, bg);
      checked++;
      if (measured < needed) {
        const where = `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
        failures.push(
          `"${ownText.slice(0, 40)}" (${where}): ${measured.toFixed(2)} < ${needed}, ${show(text)} on ${show(bg)}`
        );
      }
    }
    return { checked, failures, background: getComputedStyle(rootNode).backgroundColor };
  });
}
