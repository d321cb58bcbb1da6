/** Every badge: earned ones with their date, the others with what earns them. */
import * as React from 'react';
import type { Badge } from '../../shared/api';
import type { Translate } from '../messages';

export function BadgeList({ badges, trans: __ }: { badges: Badge[]; trans: Translate }): JSX.Element {
  return (
    <ul className="jp-mlquest-badges">
      {badges.map((badge) => (
        <li
          key={badge.id}
          className={`jp-mlquest-badge${badge.earned ? ' jp-mod-earned' : ''}`}
          title={badge.description}
          data-badge-id={badge.id}
        >
          <span className="jp-mlquest-badge-icon">{badge.icon}</span>
          <span className="jp-mlquest-badge-name">{badge.name}</span>
          <span className="jp-mlquest-muted">
            {badge.earned ? __('Earned %1', (badge.earned_at ?? '').slice(0, 10)) : badge.condition_text}
          </span>
        </li>
      ))}
    </ul>
  );
}
