/**
 * One Vega-Lite chart, drawn by JupyterLab's own Vega-Lite renderer (the one that renders
 * notebook outputs, from the rendermime registry): nothing of Vega is bundled with ML Quest, and
 * the renderer follows JupyterLab's dark theme as it does for outputs. The chart is drawn again
 * when the theme changes (colours come from theme variables). `label` is the chart's text
 * alternative; without a renderer only the `fallback` text shows.
 */
import * as React from 'react';
import { themePalette, type IChartPalette } from '../charts/palette';
import type { VegaLiteSpec } from '../charts/specs';

/** Draws `spec` into `host`; returns a function that disposes of the drawing. */
export type ChartRenderer = (host: HTMLElement, spec: VegaLiteSpec) => Promise<() => void>;

export const ChartContext = React.createContext<ChartRenderer | null>(null);

/** Increments when JupyterLab switches between a light and a dark theme. */
function useThemeVersion(): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.body, {
      attributes: true,
      attributeFilter: ['data-jp-theme-light', 'data-jp-theme-name']
    });
    return () => observer.disconnect();
  }, []);
  return version;
}

export interface IVegaChartProps {
  /** Builds the spec with the current theme's colours. */
  spec: (palette: IChartPalette) => VegaLiteSpec;
  label: string;
  className: string;
  fallback?: React.ReactNode;
}

export function VegaChart({ spec, label, className, fallback }: IVegaChartProps): JSX.Element {
  const render = React.useContext(ChartContext);
  const host = React.useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();
  // Drawn again only when the spec really changes (or the theme): the key is the spec's JSON.
  const json = JSON.stringify({ theme, spec: spec(themePalette()) });
  React.useEffect(() => {
    const node = host.current;
    if (!render || !node) {
      return;
    }
    let dispose: (() => void) | null = null;
    let cancelled = false;
    render(node, (JSON.parse(json) as { spec: VegaLiteSpec }).spec)
      .then((done) => {
        if (cancelled) {
          done();
        } else {
          dispose = done;
        }
      })
      .catch((error) => console.warn('ML Quest: a chart could not be drawn.', error));
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [render, json]);
  return (
    <figure className={`jp-mlquest-chart ${className}`} role="img" aria-label={label}>
      <div ref={host} className="jp-mlquest-chart-host" />
      {!render && fallback}
    </figure>
  );
}
