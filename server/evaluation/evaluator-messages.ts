/** The messages exchanged between the server and an evaluator child process. Types only. */
import type { FeedTensor } from './feed';
import type { OutputTensor } from './read-outputs';

export interface EvaluateRequest {
  id: number;
  model: Uint8Array;
  feeds: FeedTensor[];
  fetch: string[];
}

export type EvaluateReply =
  | { id: number; ok: true; outputs: Record<string, OutputTensor>; createMs: number; runMs: number }
  | { id: number; ok: false; stage: 'load' | 'run'; message: string };

export interface ReadyMessage {
  ready: true;
}
