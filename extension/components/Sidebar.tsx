/** The ML Quest sidebar: sign-in/register when signed out; progress, quests, badges, leaderboard. */
import { ReactWidget } from '@jupyterlab/ui-components';
import type { Message } from '@lumino/messaging';
import * as React from 'react';
import type { Badge, Leaderboard, Progress, QuestSummary } from '../../shared/api';
import { formatScore, thresholdText, Translate } from '../messages';
import { IQuestState, QuestModel } from '../model';

export interface ISidebarProps {
  model: QuestModel;
  trans: Translate;
  serverUrl: () => string;
  openNotebook: (quest: QuestSummary) => void;
}

function useModelState(model: QuestModel): IQuestState {
  const [state, setState] = React.useState(model.state);
  React.useEffect(() => {
    const listener = (_: QuestModel, next: IQuestState) => setState(next);
    model.stateChanged.connect(listener);
    setState(model.state);
    return () => {
      model.stateChanged.disconnect(listener);
    };
  }, [model]);
  return state;
}

function AuthForms({ model, trans: __, error }: ISidebarProps & { error: string | null }): JSX.Element {
  const [mode, setMode] = React.useState<'signin' | 'register'>('signin');
  const [username, setUsername] = React.useState('');
  const [email, setEmail] = React.useState('');
  const [password, setPassword] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (mode === 'signin') {
        await model.signIn(username, password);
      } else {
        await model.register({ username, email, password });
      }
    } catch {
      // the model keeps the server's message in its state, shown below
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="jp-mlquest-auth" onSubmit={submit} aria-label={mode === 'signin' ? __('Sign in') : __('Register')}>
      <div className="jp-mlquest-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'signin'} className={mode === 'signin' ? 'jp-mod-active' : ''} onClick={() => setMode('signin')}>
          {__('Sign in')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'register'} className={mode === 'register' ? 'jp-mod-active' : ''} onClick={() => setMode('register')}>
          {__('Register')}
        </button>
      </div>
      <label>
        {mode === 'signin' ? __('Username or email') : __('Username')}
        <input className="jp-mod-styled" name="username" autoComplete="username" value={username} onChange={e => setUsername(e.target.value)} required />
      </label>
      {mode === 'register' && (
        <label>
          {__('Email')}
          <input className="jp-mod-styled" name="email" type="email" autoComplete="email" value={email} onChange={e => setEmail(e.target.value)} required />
        </label>
      )}
      <label>
        {__('Password')}
        <input
          className="jp-mod-styled"
          name="password"
          type="password"
          autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
          value={password}
          onChange={e => setPassword(e.target.value)}
          required
        />
      </label>
      {error && (
        <div className="jp-mlquest-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="jp-mod-styled jp-mod-accept" disabled={busy}>
        {mode === 'signin' ? __('Sign in') : __('Create account')}
      </button>
    </form>
  );
}

function PlayerHeader({ progress, trans: __ }: { progress: Progress; trans: Translate }): JSX.Element {
  const span = Math.max(1, progress.next_level_xp - progress.level_xp);
  const into = Math.min(span, Math.max(0, progress.total_xp - progress.level_xp));
  const percent = Math.round((100 * into) / span);
  return (
    <div className="jp-mlquest-player">
      <div className="jp-mlquest-player-line">
        <strong>{progress.username}</strong>
        <span className="jp-mlquest-level">{__('Level %1', progress.level)}</span>
        <span className="jp-mlquest-xp">{__('%1 XP', progress.total_xp)}</span>
      </div>
      <div className="jp-mlquest-xpbar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} title={__('%1 XP to level %2', progress.xp_to_next_level, progress.level + 1)}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <div className="jp-mlquest-player-line jp-mlquest-muted">
        <span>{__('%1 XP to level %2', progress.xp_to_next_level, progress.level + 1)}</span>
        <span title={__('Current and longest streak, in days')}>{__('Streak %1 (best %2)', progress.current_streak, progress.longest_streak)}</span>
      </div>
      <div className="jp-mlquest-muted">{__('%1 of %2 quests completed', progress.quests_completed, progress.quests_total)}</div>
    </div>
  );
}

function QuestList(props: ISidebarProps & { quests: QuestSummary[]; progress: Progress }): JSX.Element {
  const { quests, progress, trans: __, openNotebook } = props;
  const statusLabel: Record<string, string> = { locked: __('locked'), available: __('available'), completed: __('completed') };
  return (
    <div className="jp-mlquest-quests">
      {progress.levels.map(level => (
        <section key={level.id} className={`jp-mlquest-course-level${level.unlocked ? '' : ' jp-mod-locked'}`}>
          <h3>
            {level.name}
            <span className="jp-mlquest-muted">
              {level.unlocked ? ` ${level.quests_completed}/${level.quests_total}` : ` ${__('unlocks at %1 XP', level.required_xp)}`}
            </span>
          </h3>
          <ul>
            {quests
              .filter(q => q.level === level.id)
              .map(quest => (
                <li key={quest.id} className={`jp-mlquest-quest jp-mod-${quest.status}`} data-quest-id={quest.id}>
                  <div className="jp-mlquest-quest-head">
                    <span className="jp-mlquest-quest-title">{quest.title}</span>
                    <span className={`jp-mlquest-status jp-mod-${quest.status}`}>{statusLabel[quest.status] ?? quest.status}</span>
                  </div>
                  <div className="jp-mlquest-muted">
                    {__('Goal: %1', thresholdText(quest))} · {__('%1 XP', quest.xp_reward)}
                  </div>
                  <div className="jp-mlquest-muted">
                    {__('Best: %1', formatScore(quest.best_score))} · {__('Attempts: %1', quest.attempts)} · {__('Left today: %1', quest.submissions_left_today)}
                  </div>
                  {quest.notebook && (
                    <button type="button" className="jp-mod-styled jp-mlquest-open" disabled={quest.status === 'locked'} onClick={() => openNotebook(quest)}>
                      {__('Open notebook')}
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function BadgeList({ badges, trans: __ }: { badges: Badge[]; trans: Translate }): JSX.Element {
  return (
    <ul className="jp-mlquest-badges">
      {badges.map(badge => (
        <li key={badge.id} className={`jp-mlquest-badge${badge.earned ? ' jp-mod-earned' : ''}`} title={badge.description} data-badge-id={badge.id}>
          <span className="jp-mlquest-badge-icon">{badge.icon}</span>
          <span className="jp-mlquest-badge-name">{badge.name}</span>
          <span className="jp-mlquest-muted">{badge.earned ? __('Earned %1', (badge.earned_at ?? '').slice(0, 10)) : badge.condition_text}</span>
        </li>
      ))}
    </ul>
  );
}

function LeaderboardTable({ board, me, trans: __ }: { board: Leaderboard; me: string; trans: Translate }): JSX.Element {
  const rows = [...board.entries];
  const ownOffPage = board.me && !rows.some(row => row.username === board.me!.username);
  return (
    <table className="jp-mlquest-leaderboard">
      <thead>
        <tr>
          <th>#</th>
          <th>{__('Player')}</th>
          <th>{__('XP')}</th>
          <th>{__('Level')}</th>
          <th>{__('Quests')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(row => (
          <tr key={row.username} className={row.username === me ? 'jp-mod-me' : ''}>
            <td>{row.rank}</td>
            <td>{row.display_name ?? row.username}</td>
            <td>{row.total_xp}</td>
            <td>{row.level}</td>
            <td>{row.quests_completed}</td>
          </tr>
        ))}
        {ownOffPage && board.me && (
          <tr className="jp-mod-me jp-mlquest-own-row">
            <td>{board.me.rank}</td>
            <td>{board.me.display_name ?? board.me.username}</td>
            <td>{board.me.total_xp}</td>
            <td>{board.me.level}</td>
            <td>{board.me.quests_completed}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function SidebarView(props: ISidebarProps): JSX.Element {
  const { model, trans: __ } = props;
  const state = useModelState(model);
  const [tab, setTab] = React.useState<'quests' | 'badges' | 'leaderboard'>('quests');
  return (
    <div className="jp-mlquest-sidebar-body">
      <header className="jp-mlquest-header">
        <h2>{__('ML Quest')}</h2>
        <button type="button" className="jp-mlquest-link" onClick={() => void model.refresh()} title={__('Refresh')} disabled={state.loading}>
          ⟳
        </button>
      </header>
      <div className="jp-mlquest-muted jp-mlquest-server">{props.serverUrl()}</div>
      {state.signedIn && state.error && (
        <div className="jp-mlquest-error" role="alert">
          {state.error}
        </div>
      )}
      {!state.signedIn && <AuthForms {...props} error={state.error} />}
      {state.signedIn && state.progress && (
        <>
          <PlayerHeader progress={state.progress} trans={__} />
          <div className="jp-mlquest-tabs" role="tablist">
            {(['quests', 'badges', 'leaderboard'] as const).map(name => (
              <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'jp-mod-active' : ''} onClick={() => setTab(name)}>
                {name === 'quests' ? __('Quests') : name === 'badges' ? __('Badges') : __('Leaderboard')}
              </button>
            ))}
          </div>
          {tab === 'quests' && <QuestList {...props} quests={state.quests} progress={state.progress} />}
          {tab === 'badges' && <BadgeList badges={state.progress.badges} trans={__} />}
          {tab === 'leaderboard' && state.leaderboard && <LeaderboardTable board={state.leaderboard} me={state.progress.username} trans={__} />}
          <button type="button" className="jp-mod-styled jp-mlquest-signout" onClick={() => void model.signOut()}>
            {__('Sign out')}
          </button>
        </>
      )}
      {state.signedIn && !state.progress && state.loading && <div className="jp-mlquest-muted">{__('Loading…')}</div>}
    </div>
  );
}

export class QuestSidebar extends ReactWidget {
  constructor(private readonly props: ISidebarProps) {
    super();
    this.addClass('jp-mlquest-sidebar');
    this.node.tabIndex = -1;
  }

  render(): JSX.Element {
    return <SidebarView {...this.props} />;
  }

  /** Take the focus when shown (e.g. from a notification's "Sign in"): the first form field, else the panel. */
  protected onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    (this.node.querySelector<HTMLElement>('input') ?? this.node).focus();
  }
}
