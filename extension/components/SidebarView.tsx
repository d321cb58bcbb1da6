/**
 * The ML Quest sidebar's content: the welcome and sign-in screen when signed out; the player,
 * the course map and the quests, badges and leaderboard when signed in; the server in a status
 * line at the bottom.
 */
import * as React from 'react';
import type { QuestSummary } from '../../shared/api';
import { coursePath } from '../course-path';
import type { Translate } from '../messages';
import type { QuestModel } from '../model';
import { BadgeList } from './BadgeList';
import { CourseMap } from './CourseMap';
import { LeaderboardTable } from './LeaderboardTable';
import { PlayerHeader } from './PlayerHeader';
import { QuestList } from './QuestList';
import { useModelState } from './useModelState';
import { WelcomeForm } from './WelcomeForm';

export interface ISidebarProps {
  model: QuestModel;
  trans: Translate;
  serverUrl: () => string;
  openNotebook: (quest: QuestSummary) => void;
}

type Tab = 'quests' | 'badges' | 'leaderboard';

export function SidebarView(props: ISidebarProps): JSX.Element {
  const { model, trans: __ } = props;
  const state = useModelState(model);
  const [tab, setTab] = React.useState<Tab>('quests');
  // A toast's "Details" opens a quest's card: show the quests tab then.
  React.useEffect(() => {
    if (state.openQuest !== null) {
      setTab('quests');
    }
  }, [state.openQuest]);
  const chapters = state.progress ? coursePath(state.progress.levels, state.quests) : [];
  const tabNames: Record<Tab, string> = { quests: __('Quests'), badges: __('Badges'), leaderboard: __('Leaderboard') };
  return (
    <div className="jp-mlquest-sidebar-body">
      <header className="jp-mlquest-header">
        <h2>{__('ML Quest')}</h2>
        <button
          type="button"
          className="jp-mlquest-link"
          onClick={() => void model.refresh()}
          title={__('Refresh')}
          aria-label={__('Refresh')}
          disabled={state.loading}
        >
          ⟳
        </button>
      </header>
      {state.signedIn && state.error && (
        <div className="jp-mlquest-error" role="alert">
          {state.error}
        </div>
      )}
      {!state.signedIn && <WelcomeForm model={model} trans={__} error={state.error} />}
      {state.signedIn && state.progress && (
        <>
          <PlayerHeader progress={state.progress} trans={__} />
          <div className="jp-mlquest-tabs" role="tablist">
            {(['quests', 'badges', 'leaderboard'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? 'jp-mod-active' : ''}
                onClick={() => setTab(name)}
              >
                {tabNames[name]}
              </button>
            ))}
          </div>
          {tab === 'quests' && (
            <>
              <CourseMap chapters={chapters} totalXp={state.progress.total_xp} trans={__} />
              <QuestList model={model} state={state} chapters={chapters} trans={__} openNotebook={props.openNotebook} />
            </>
          )}
          {tab === 'badges' && <BadgeList badges={state.progress.badges} trans={__} />}
          {tab === 'leaderboard' && state.leaderboard && (
            <LeaderboardTable board={state.leaderboard} me={state.progress.username} trans={__} />
          )}
          <button type="button" className="jp-mod-styled jp-mlquest-signout" onClick={() => void model.signOut()}>
            {__('Sign out')}
          </button>
        </>
      )}
      {state.signedIn && !state.progress && state.loading && <div className="jp-mlquest-muted">{__('Loading…')}</div>}
      <footer className="jp-mlquest-status-line jp-mlquest-muted" title={__('ML Quest server (Settings > ML Quest)')}>
        {__('Server:')} <span className="jp-mlquest-server">{props.serverUrl()}</span>
      </footer>
    </div>
  );
}
