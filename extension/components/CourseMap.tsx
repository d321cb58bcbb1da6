/** The course map: chapters and quests as a path (done, available, locked) and the XP that opens the next chapter. */
import * as React from 'react';
import { courseMapSpec } from '../charts/specs';
import { nextChapter, type IChapter } from '../course-path';
import type { Translate } from '../messages';
import { VegaChart } from './VegaChart';

export interface ICourseMapProps {
  chapters: IChapter[];
  totalXp: number;
  trans: Translate;
}

export function CourseMap({ chapters, totalXp, trans: __ }: ICourseMapProps): JSX.Element {
  const next = nextChapter(chapters, totalXp);
  const done = chapters.reduce((sum, c) => sum + c.questsCompleted, 0);
  const total = chapters.reduce((sum, c) => sum + c.quests.length, 0);
  return (
    <div className="jp-mlquest-map">
      <VegaChart
        className="jp-mlquest-map-chart"
        spec={(palette) => courseMapSpec(chapters, palette)}
        label={__('Course map: %1 of %2 quests done in %3 chapters', done, total, chapters.length)}
      />
      <div className="jp-mlquest-muted jp-mlquest-next-chapter">
        {next
          ? __(
              'Chapter %1 · %2 opens at %3 XP: %4 XP to go.',
              next.chapter.number,
              next.chapter.name,
              next.chapter.requiredXp,
              next.xpNeeded
            )
          : __('Every chapter is open.')}
      </div>
    </div>
  );
}
