/** Command ids and other names shared by the extension's modules. */
export const PLUGIN_ID = 'jupyterlab-mlquest:plugin';

export const CommandIDs = {
  submitCell: 'mlquest:submit-cell',
  openNotebook: 'mlquest:open-notebook',
  openSidebar: 'mlquest:open-sidebar',
  refresh: 'mlquest:refresh'
} as const;

export const SIDEBAR_ID = 'jp-mlquest-sidebar';
