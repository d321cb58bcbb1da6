/** The ML Quest sidebar widget: a ReactWidget around SidebarView, with JupyterLab's chart renderer. */
import { ReactWidget } from '@jupyterlab/ui-components';
import type { Message } from '@lumino/messaging';
import * as React from 'react';
import { SidebarView, type ISidebarProps } from './SidebarView';
import { ChartContext, type ChartRenderer } from './VegaChart';

export interface IQuestSidebarOptions extends ISidebarProps {
  /** Draws Vega-Lite charts; null shows their text alternatives only. */
  renderChart: ChartRenderer | null;
}

export class QuestSidebar extends ReactWidget {
  constructor(private readonly options: IQuestSidebarOptions) {
    super();
    this.addClass('jp-mlquest-sidebar');
    this.node.tabIndex = -1;
  }

  render(): JSX.Element {
    const { renderChart, ...props } = this.options;
    return (
      <ChartContext.Provider value={renderChart}>
        <SidebarView {...props} />
      </ChartContext.Provider>
    );
  }

  /** Take the focus when shown (e.g. from a notification's "Sign in"): the first form field, else the panel. */
  protected onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    (this.node.querySelector<HTMLElement>('input') ?? this.node).focus();
  }
}
