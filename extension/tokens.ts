/** Command ids and other names shared by the extension's modules. */
export const PLUGIN_ID = 'jupyterlab-mlquest:plugin';

export namespace CommandIDs {
  export const submitCell = 'mlquest:submit-cell';
  export const openNotebook = 'mlquest:open-notebook';
  export const openSidebar = 'mlquest:open-sidebar';
  export const refresh = 'mlquest:refresh';
}

export const SIDEBAR_ID = 'jp-mlquest-sidebar';
