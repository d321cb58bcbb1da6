/**
 * The overall leaderboard, fitted to the sidebar's width: long names are cut with an ellipsis
 * and shown in full on hover; the learner's own row stays visible when off the page.
 */
import * as React from 'react';
import type { Leaderboard, LeaderboardEntry } from '../../shared/api';
import type { Translate } from '../messages';

function Row({ row, own, className = '' }: { row: LeaderboardEntry; own: boolean; className?: string }): JSX.Element {
  const name = row.display_name ?? row.username;
  const full = row.display_name ? `${row.display_name} (${row.username})` : row.username;
  return (
    <tr className={`${own ? 'jp-mod-me' : ''} ${className}`.trim()}>
      <td>{row.rank}</td>
      <td className="jp-mlquest-player-cell" title={full}>
        <span className="jp-mlquest-ellipsis">{name}</span>
      </td>
      <td>{row.total_xp}</td>
      <td>{row.level}</td>
      <td>{row.quests_completed}</td>
    </tr>
  );
}

export function LeaderboardTable({
  board,
  me,
  trans: __
}: {
  board: Leaderboard;
  me: string;
  trans: Translate;
}): JSX.Element {
  const ownOffPage = board.me && !board.entries.some((row) => row.username === board.me?.username);
  return (
    <table className="jp-mlquest-leaderboard">
      <colgroup>
        <col className="jp-mlquest-col-rank" />
        <col />
        <col className="jp-mlquest-col-num" />
        <col className="jp-mlquest-col-num" />
        <col className="jp-mlquest-col-num" />
      </colgroup>
      <thead>
        <tr>
          <th title={__('Rank')}>#</th>
          <th>{__('Player')}</th>
          <th title={__('Total XP')}>{__('XP')}</th>
          <th title={__('Player level')}>{__('Lvl')}</th>
          <th title={__('Quests completed')}>{__('Done')}</th>
        </tr>
      </thead>
      <tbody>
        {board.entries.map((row) => (
          <Row key={row.username} row={row} own={row.username === me} />
        ))}
        {ownOffPage && board.me && <Row row={board.me} own={true} className="jp-mlquest-own-row" />}
      </tbody>
    </table>
  );
}
