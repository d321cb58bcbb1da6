/**
 * The companion code exactly as the extension sends it, run in a real ipykernel (from .venv)
 * with a real scikit-learn model: the reply arrives over the `mlquest` comm with the ONNX bytes
 * in a binary buffer, and the learner's namespace gains no names.
 */
import { execFileSync } from 'child_process';
import * as ort from 'onnxruntime-node';
import * as fs from 'fs';
import * as path from 'path';
import { COMM_TARGET, kernelCode } from '../../extension/companion/protocol';
import { describeIf } from '../helpers/requires';

const root = path.resolve(__dirname, '../..');
const python = path.join(root, '.venv', 'bin', 'python');
const helper = path.join(__dirname, 'run_kernel_code.py');

interface IKernelRun {
  comms: { target: string; data: Record<string, unknown>; buffer_sizes: number[]; buffers_b64: string[] }[];
  reply_status: string;
  new_names: string[];
}

function runInKernel(setup: string, code: string): IKernelRun {
  const out = execFileSync(python, [helper], { input: JSON.stringify({ setup, code }), cwd: root, timeout: 180_000 });
  return JSON.parse(out.toString().trim().split('\n').pop()!) as IKernelRun;
}

const SETUP = [
  'import numpy as np',
  'from sklearn.linear_model import LinearRegression',
  'X = np.arange(20, dtype=float).reshape(10, 2)',
  'y = X[:, 0] * 2 + 1',
  'model = LinearRegression().fit(X, y)',
  'unfitted = LinearRegression()'
].join('\n');
const FEATURES = [
  { name: 'a', type: 'float' as const },
  { name: 'b', type: 'float' as const }
];

const describeIfVenv = describeIf({
  what: 'the Python environment .venv',
  present: fs.existsSync(python),
  fix: 'npm run setup:python'
});

describeIfVenv('kernel companion in a real kernel', () => {
  jest.setTimeout(240_000);

  test('convert, list and error replies arrive over the comm; the namespace is left clean', async () => {
    const code = [
      kernelCode({ id: 'c1', action: 'convert', variable: 'model', features: FEATURES }),
      kernelCode({ id: 'c2', action: 'list', cell_source: 'model = LinearRegression().fit(X, y)' }),
      kernelCode({ id: 'c3', action: 'convert', variable: 'modle', features: FEATURES }),
      kernelCode({ id: 'c4', action: 'convert', variable: 'unfitted', features: FEATURES })
    ].join('\n');
    const run = runInKernel(SETUP, code);
    expect(run.reply_status).toBe('ok');
    expect(run.new_names).toEqual([]);
    expect(run.comms.map((c) => c.target)).toEqual([COMM_TARGET, COMM_TARGET, COMM_TARGET, COMM_TARGET]);
    const [converted, listed, missing, unfitted] = run.comms;
    expect(converted.data).toMatchObject({ id: 'c1', ok: true, model_type: 'LinearRegression' });
    expect(converted.buffer_sizes).toHaveLength(1);
    expect(converted.buffer_sizes[0]).toBe(converted.data.bytes);
    expect(converted.buffer_sizes[0]).toBeGreaterThan(50);
    // The buffer is the fitted model as ONNX: onnxruntime predicts what the model predicts (y = 2a + 1).
    const session = await ort.InferenceSession.create(Buffer.from(converted.buffers_b64[0], 'base64'));
    const input = new ort.Tensor('float32', Float32Array.from([3, 4, 10, 11]), [2, 2]);
    const out = await session.run({ [session.inputNames[0]]: input });
    const predictions = Array.from(out[session.outputNames[0]].data as Float32Array);
    expect(predictions[0]).toBeCloseTo(7, 4);
    expect(predictions[1]).toBeCloseTo(21, 4);
    expect(listed.data).toMatchObject({
      id: 'c2',
      ok: true,
      models: [{ name: 'model', kind: 'sklearn', type: 'LinearRegression' }]
    });
    expect(missing.data).toMatchObject({ id: 'c3', ok: false, code: 'no_such_variable' });
    expect(unfitted.data).toMatchObject({ id: 'c4', ok: false, code: 'not_fitted' });
  });
});
