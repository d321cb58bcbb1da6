/** The extension's icons (theme-aware: the `jp-icon*` classes follow the light and dark themes). */
import { LabIcon } from '@jupyterlab/ui-components';

const questSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16">
  <g class="jp-icon3" fill="#616161">
    <path d="M12 2 3 6v6c0 5 3.8 9.4 9 10 5.2-.6 9-5 9-10V6l-9-4zm0 4.2 1.6 3.3 3.6.5-2.6 2.5.6 3.6L12 14.4l-3.2 1.7.6-3.6-2.6-2.5 3.6-.5L12 6.2z"/>
  </g>
</svg>`;

// The quest shield in the theme's brand colour with an arrow going up through it: it stands
// out among the grey cell-toolbar icons (and is unlike their "insert cell" trays).
const submitSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16">
  <path class="jp-icon-brand1" fill="#1976D2" d="M12 1.5 3 5.5v6c0 5.2 3.8 9.8 9 10.5 5.2-.7 9-5.3 9-10.5v-6l-9-4z"/>
  <path class="jp-icon-accent0" fill="#FFFFFF" d="M12 5.5 6.8 10.7h3.4V17h3.6v-6.3h3.4L12 5.5z"/>
</svg>`;

export const questIcon = new LabIcon({ name: 'jupyterlab-mlquest:quest', svgstr: questSvg });
export const submitIcon = new LabIcon({ name: 'jupyterlab-mlquest:submit', svgstr: submitSvg });
