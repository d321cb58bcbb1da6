/**
 * Advice on a scored submission that is not in the score itself: a sentence on why the
 * cross-validation preview (read from the kernel at submit time) and the hidden-test score differ,
 * when they differ a lot. Pure.
 */
import { formatScore, identityTranslate, type Translate } from './messages';

export interface IGapFacts {
  higher_is_better: boolean;
}

/** The gap, in the metric's direction (positive: the preview promised more than the test gave). */
export function previewGap(facts: IGapFacts, preview: number, hidden: number): { absolute: number; relative: number } {
  const absolute = facts.higher_is_better ? preview - hidden : hidden - preview;
  const relative = absolute / Math.max(Math.abs(preview), 1e-9);
  return { absolute, relative };
}

/** Whether the gap is large enough to explain: over 0.05 on the scale and over 10 % of the preview. */
export function isLargeGap(facts: IGapFacts, preview: number, hidden: number): boolean {
  const { absolute, relative } = previewGap(facts, preview, hidden);
  return Math.abs(absolute) > 0.05 && Math.abs(relative) > 0.1;
}

export function previewGapSentence(
  facts: IGapFacts,
  preview: number | null | undefined,
  hidden: number | null | undefined,
  __: Translate = identityTranslate
): string | null {
  if (preview === null || preview === undefined || hidden === null || hidden === undefined) {
    return null;
  }
  if (!Number.isFinite(preview) || !Number.isFinite(hidden) || !isLargeGap(facts, preview, hidden)) {
    return null;
  }
  const { absolute } = previewGap(facts, preview, hidden);
  if (absolute > 0) {
    return __(
      'Your cross-validation preview (%1) promised more than the hidden test gave (%2): the model probably ' +
        'fits the training rows too closely (overfitting) — try a simpler model or stronger regularisation.',
      formatScore(preview),
      formatScore(hidden)
    );
  }
  return __(
    'The hidden test (%2) went better than your cross-validation preview (%1): with little data, scores vary ' +
      'a lot from one split to the next, so trust the trend over several attempts.',
    formatScore(preview),
    formatScore(hidden)
  );
}
