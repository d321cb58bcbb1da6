/**
 * Runs companion requests in a notebook's kernel and receives the replies over a comm with
 * binary buffers. The comm target is registered once per kernel connection, so a changed or
 * restarted kernel gets it again.
 */
import type { ISessionContext } from '@jupyterlab/apputils';
import type { Kernel, KernelMessage } from '@jupyterlab/services';
import type { FeatureInfo } from '../shared/api';
import {
  COMM_TARGET,
  CompanionError,
  type CompanionRequest,
  type IConverted,
  type IModelInfo,
  kernelCode,
  parseConvertReply,
  parseListReply,
  replyId
} from './companion/protocol';
import type { Translate } from './messages';
import type { IKernelSide } from './submit-flow';

interface IReply {
  data: unknown;
  buffers: (ArrayBuffer | ArrayBufferView)[] | undefined;
}

interface IPending {
  resolve: (reply: IReply) => void;
}

export class KernelCompanion {
  private readonly pending = new Map<string, IPending>();
  private readonly registered = new WeakSet<Kernel.IKernelConnection>();
  private counter = 0;

  constructor(private readonly __: Translate) {}

  /** Make sure this kernel delivers companion replies to us. */
  register(kernel: Kernel.IKernelConnection | null | undefined): void {
    if (!kernel || this.registered.has(kernel)) {
      return;
    }
    kernel.registerCommTarget(COMM_TARGET, (_comm: Kernel.IComm, msg: KernelMessage.ICommOpenMsg) => {
      const id = replyId(msg.content.data);
      const waiting = id ? this.pending.get(id) : undefined;
      if (waiting) {
        waiting.resolve({ data: msg.content.data, buffers: msg.buffers });
      }
    });
    this.registered.add(kernel);
  }

  async listModels(sessionContext: ISessionContext, cellSource: string): Promise<IModelInfo[]> {
    const reply = await this.run(sessionContext, { id: this.nextId(), action: 'list', cell_source: cellSource });
    return parseListReply(reply.data);
  }

  async convert(sessionContext: ISessionContext, variable: string, features: FeatureInfo[]): Promise<IConverted> {
    const reply = await this.run(sessionContext, { id: this.nextId(), action: 'convert', variable, features });
    return parseConvertReply(reply.data, reply.buffers);
  }

  /**
   * The notebook's cross-validation preview: the kernel's `cv_score` variable (the starter
   * notebooks assign it) when it is a finite number, else null. Read with a silent user
   * expression: nothing runs in the learner's namespace but the lookup.
   */
  async cvScore(sessionContext: ISessionContext): Promise<number | null> {
    const kernel = this.usableKernel(sessionContext);
    const expression = "float(cv_score) if isinstance(globals().get('cv_score'), (int, float)) else None";
    const reply = await kernel.requestExecute({
      code: '',
      silent: true,
      store_history: false,
      user_expressions: { cv: expression }
    }).done;
    const content = reply.content as KernelMessage.IExecuteReplyMsg['content'];
    if (content.status !== 'ok') {
      return null;
    }
    const value =
      (content.user_expressions?.cv as { status?: string; data?: Record<string, unknown> } | undefined) ?? {};
    const text = value.status === 'ok' ? String(value.data?.['text/plain'] ?? '') : '';
    const number = Number(text);
    return text !== '' && text !== 'None' && Number.isFinite(number) ? number : null;
  }

  /** The flow's view of one notebook's kernel. */
  kernelSide(sessionContext: ISessionContext): IKernelSide {
    return {
      convert: (variable, features) => this.convert(sessionContext, variable, features),
      cvScore: () => this.cvScore(sessionContext)
    };
  }

  /** A usable kernel, or a CompanionError that says what is wrong with it. */
  usableKernel(sessionContext: ISessionContext): Kernel.IKernelConnection {
    const __ = this.__;
    const kernel = sessionContext.session?.kernel;
    if (!kernel) {
      throw new CompanionError(
        'no_kernel',
        __('This notebook has no kernel: select a Python kernel (Kernel > Change Kernel…), run the cells, then submit.')
      );
    }
    if (kernel.status === 'dead' || kernel.connectionStatus === 'disconnected') {
      throw new CompanionError(
        'dead_kernel',
        __('The kernel is dead: restart it (Kernel > Restart Kernel…), run the cells again, then submit.')
      );
    }
    if (
      kernel.status === 'busy' ||
      kernel.status === 'starting' ||
      kernel.status === 'restarting' ||
      kernel.status === 'autorestarting'
    ) {
      throw new CompanionError(
        'kernel_busy',
        __('The kernel is busy: wait until the running cells finish (or interrupt them), then submit.')
      );
    }
    return kernel;
  }

  private nextId(): string {
    this.counter += 1;
    return `mlquest-${Date.now().toString(36)}-${this.counter}`;
  }

  private run(sessionContext: ISessionContext, request: CompanionRequest, timeoutMs = 120_000): Promise<IReply> {
    const __ = this.__;
    const kernel = this.usableKernel(sessionContext);
    this.register(kernel);
    return new Promise<IReply>((resolve, reject) => {
      let finished = false;
      const finish = (action: () => void) => {
        if (!finished) {
          finished = true;
          clearTimeout(timer);
          this.pending.delete(request.id);
          action();
        }
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new CompanionError('kernel_timeout', __('The kernel did not answer within %1 seconds.', timeoutMs / 1000))
            )
          ),
        timeoutMs
      );
      this.pending.set(request.id, { resolve: (reply) => finish(() => resolve(reply)) });
      const future = kernel.requestExecute({
        code: kernelCode(request),
        silent: true,
        store_history: false,
        allow_stdin: false,
        stop_on_error: false
      });
      future.done.then(
        (reply) => {
          const content = reply.content as KernelMessage.IExecuteReplyMsg['content'];
          if (content.status === 'error') {
            finish(() =>
              reject(
                new CompanionError(
                  'kernel_error',
                  __('The kernel could not run the ML Quest companion: %1: %2', content.ename, content.evalue)
                )
              )
            );
            return;
          }
          // The comm message arrives before the execute reply; give it a moment anyway.
          setTimeout(
            () =>
              finish(() =>
                reject(
                  new CompanionError(
                    'no_reply',
                    __('The kernel ran the ML Quest companion but sent no answer; restart the kernel and try again.')
                  )
                )
              ),
            3000
          );
        },
        (error) =>
          finish(() =>
            reject(
              new CompanionError(
                'dead_kernel',
                __(
                  'The kernel stopped while converting the model (%1). Restart it and run the cells again.',
                  String(error)
                )
              )
            )
          )
      );
    });
  }
}
