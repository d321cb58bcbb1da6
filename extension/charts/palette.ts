/**
 * Chart colours from JupyterLab's theme variables, read when a chart is drawn, so that charts
 * follow the light and dark themes like the rest of the sidebar. Each has a fallback for a page
 * without JupyterLab's styles (unit tests).
 */
export interface IChartPalette {
  /** Passed, done, the learner's own mark. */
  good: string;
  /** Not yet passed. */
  bad: string;
  /** Available, the learner's own bar, neutral emphasis. */
  accent: string;
  /** Locked and other quiet marks. */
  quiet: string;
  /** Labels and axis text. */
  text: string;
}

export const FALLBACK_PALETTE: IChartPalette = {
  good: '#388e3c',
  bad: '#f57c00',
  accent: '#1976d2',
  quiet: '#9e9e9e',
  text: '#424242'
};

const VARIABLES: Record<keyof IChartPalette, string> = {
  good: '--jp-success-color1',
  bad: '--jp-warn-color1',
  accent: '--jp-brand-color1',
  quiet: '--jp-layout-color4',
  text: '--jp-ui-font-color1'
};

export function themePalette(element: Element = document.body): IChartPalette {
  const style = getComputedStyle(element);
  const out = { ...FALLBACK_PALETTE };
  for (const key of Object.keys(VARIABLES) as (keyof IChartPalette)[]) {
    const value = style.getPropertyValue(VARIABLES[key]).trim();
    if (value) {
      out[key] = value;
    }
  }
  return out;
}
