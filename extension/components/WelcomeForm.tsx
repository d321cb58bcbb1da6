/**
 * The first screen: what ML Quest is, then "Create an account" or "Sign in", with the rules for
 * a username and a password stated before the learner submits.
 */
import * as React from 'react';
import type { Translate } from '../messages';
import type { QuestModel } from '../model';

export interface IWelcomeFormProps {
  model: QuestModel;
  trans: Translate;
  error: string | null;
}

export function WelcomeForm({ model, trans: __, error }: IWelcomeFormProps): JSX.Element {
  const [mode, setMode] = React.useState<'register' | 'signin'>('register');
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
  const tab = (name: 'register' | 'signin', label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === name}
      className={mode === name ? 'jp-mod-active' : ''}
      onClick={() => setMode(name)}
    >
      {label}
    </button>
  );
  return (
    <div className="jp-mlquest-welcome">
      <p className="jp-mlquest-welcome-text">
        {__(
          'Learn machine learning by doing: each quest opens a notebook, you train a model, and one button scores it ' +
            'on hidden test data. Pass quests to earn XP, open new chapters and collect badges.'
        )}
      </p>
      <form
        className="jp-mlquest-auth"
        onSubmit={submit}
        aria-label={mode === 'signin' ? __('Sign in') : __('Create an account')}
      >
        <div className="jp-mlquest-tabs" role="tablist">
          {tab('register', __('Create an account'))}
          {tab('signin', __('Sign in'))}
        </div>
        <label>
          {mode === 'signin' ? __('Username or email') : __('Username')}
          <input
            className="jp-mod-styled"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        {mode === 'register' && (
          <span className="jp-mlquest-hint-text">{__('3 to 32 letters, digits, "_" or "-".')}</span>
        )}
        {mode === 'register' && (
          <label>
            {__('Email')}
            <input
              className="jp-mod-styled"
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
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
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {mode === 'register' && <span className="jp-mlquest-hint-text">{__('At least 8 characters.')}</span>}
        {error && (
          <div className="jp-mlquest-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="jp-mod-styled jp-mod-accept" disabled={busy}>
          {mode === 'signin' ? __('Sign in') : __('Create account')}
        </button>
      </form>
    </div>
  );
}
