/** The extension's icons (theme-aware: `jp-icon3` follows the light and dark themes). */
import { LabIcon } from '@jupyterlab/ui-components';

const questSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16">
  <g class="jp-icon3" fill="#616161">
    <path d="M12 2 3 6v6c0 5 3.8 9.4 9 10 5.2-.6 9-5 9-10V6l-9-4zm0 4.2 1.6 3.3 3.6.5-2.6 2.5.6 3.6L12 14.4l-3.2 1.7.6-3.6-2.6-2.5 3.6-.5L12 6.2z"/>
  </g>
</svg>`;

const submitSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16">
  <g class="jp-icon3" fill="#616161">
    <path d="M12 3 6 9h4v6h4V9h4l-6-6zM5 17v4h14v-4h-2v2H7v-2H5z"/>
  </g>
</svg>`;

export const questIcon = new LabIcon({ name: 'jupyterlab-mlquest:quest', svgstr: questSvg });
export const submitIcon = new LabIcon({ name: 'jupyterlab-mlquest:submit', svgstr: submitSvg });
