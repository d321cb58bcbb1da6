/**
 * The extension's side of the kernel companion protocol: the Python code sent to the kernel
 * for one request, and the parsing of the companion's comm reply. No JupyterLab imports.
 */
import type { FeatureInfo } from '../../shared/api';
import { COMPANION_SOURCE } from './companion-source';

/** The comm target the companion opens its replies on. */
export const COMM_TARGET = 'mlquest';

export type CompanionRequest =
  | { id: string; action: 'list'; cell_source: string }
  | { id: string; action: 'convert'; variable: string; features: FeatureInfo[] };

export interface IModelInfo {
  name: string;
  kind: 'sklearn' | 'torch';
  type: string;
}

export interface IConverted {
  variable: string;
  modelType: string;
  onnx: Uint8Array;
}

/** A failure reported by the companion (or by the kernel around it). */
export class CompanionError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = 'CompanionError';
  }
}

function hashOf(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) {
    hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  }
  return hash.toString(16);
}

export const COMPANION_HASH = hashOf(COMPANION_SOURCE);

/**
 * Python that loads the companion as a private module (once per kernel and companion version)
 * and answers `request` over a comm. Every name it leaves behind starts with `_mlquest`.
 */
export function kernelCode(request: CompanionRequest): string {
  return [
    'def _mlquest_run():',
    '    import json, sys, types',
    `    wanted = ${JSON.stringify(COMPANION_HASH)}`,
    "    module = sys.modules.get('_mlquest_companion')",
    "    if module is None or getattr(module, '_mlquest_hash', None) != wanted:",
    "        module = types.ModuleType('_mlquest_companion')",
    `        exec(compile(${JSON.stringify(COMPANION_SOURCE)}, '<mlquest_companion>', 'exec'), module.__dict__)`,
    '        module._mlquest_hash = wanted',
    "        sys.modules['_mlquest_companion'] = module",
    `    module.run_in_kernel(json.loads(${JSON.stringify(JSON.stringify(request))}))`,
    'try:',
    '    _mlquest_run()',
    'finally:',
    '    del _mlquest_run',
    ''
  ].join('\n');
}

type BufferLike = ArrayBuffer | ArrayBufferView;

function toBytes(buffer: BufferLike): Uint8Array {
  if (buffer instanceof ArrayBuffer) {
    return new Uint8Array(buffer);
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

interface IReplyData {
  id?: unknown;
  ok?: unknown;
  code?: unknown;
  message?: unknown;
  action?: unknown;
  models?: unknown;
  variable?: unknown;
  model_type?: unknown;
  bytes?: unknown;
}

function checkedReply(data: unknown): IReplyData {
  if (!data || typeof data !== 'object') {
    throw new CompanionError('bad_reply', 'The kernel companion sent an unreadable reply.');
  }
  const reply = data as IReplyData;
  if (reply.ok !== true) {
    const code = typeof reply.code === 'string' ? reply.code : 'companion_failed';
    const message = typeof reply.message === 'string' ? reply.message : 'The kernel companion failed.';
    throw new CompanionError(code, message);
  }
  return reply;
}

/** The fitted models listed by the companion; throws CompanionError on a failure reply. */
export function parseListReply(data: unknown): IModelInfo[] {
  const reply = checkedReply(data);
  if (!Array.isArray(reply.models)) {
    throw new CompanionError('bad_reply', 'The kernel companion did not list any models.');
  }
  return reply.models as IModelInfo[];
}

/** The ONNX bytes of a convert reply; throws CompanionError on a failure reply. */
export function parseConvertReply(data: unknown, buffers: readonly BufferLike[] | undefined): IConverted {
  const reply = checkedReply(data);
  const first = buffers && buffers.length > 0 ? toBytes(buffers[0]) : null;
  if (!first || first.byteLength === 0) {
    throw new CompanionError('bad_reply', 'The kernel companion sent no model bytes.');
  }
  if (typeof reply.bytes === 'number' && reply.bytes !== first.byteLength) {
    throw new CompanionError(
      'bad_reply',
      `The model bytes arrived incomplete (${first.byteLength} of ${reply.bytes}); submit again.`
    );
  }
  return {
    variable: String(reply.variable ?? ''),
    modelType: String(reply.model_type ?? ''),
    onnx: first
  };
}

/** The request id a comm reply answers, or null. */
export function replyId(data: unknown): string | null {
  if (data && typeof data === 'object' && typeof (data as IReplyData).id === 'string') {
    return (data as IReplyData).id as string;
  }
  return null;
}
