/**
 * The committed content is exactly what the committed scripts produce: the datasets
 * (datasets/generate.py --check), the starter notebooks (datasets/build_notebooks.py --check),
 * and the calibration scores in pack.json (datasets/calibrate.py --check, which also scores
 * every baseline and reference through the kernel companion's ONNX conversion and onnxruntime).
 * Needs the project's Python environment (.venv, `npm run setup:python`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describeIf } from '../helpers/requires';
import * as os from 'os';

const ROOT = path.resolve(__dirname, '..', '..');
const PYTHON = path.join(ROOT, '.venv', process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
const hasVenv = fs.existsSync(PYTHON);
const hasOnnxruntime = hasVenv && spawnSync(PYTHON, ['-c', 'import onnxruntime'], { stdio: 'ignore' }).status === 0;

function runPython(args: string[], timeoutMs: number) {
  const result = spawnSync(PYTHON, args, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describeIf({ what: 'the Python environment .venv', present: hasVenv, fix: 'npm run setup:python' })(
  'content generators',
  () => {
    it('generate.py --check: a fresh run reproduces every committed dataset file byte for byte', () => {
      const { status, output } = runPython(['datasets/generate.py', '--check'], 60_000);
      expect(output).toContain('identical to a fresh run');
      expect(status).toBe(0);
    }, 90_000);

    it('build_notebooks.py --check: the committed starter notebooks match a fresh build', () => {
      const { status, output } = runPython(['datasets/build_notebooks.py', '--check'], 60_000);
      expect(output).toContain('every starter notebook matches');
      expect(status).toBe(0);
    }, 90_000);
  }
);

describeIf({ what: 'the Python environment .venv', present: hasVenv, fix: 'npm run setup:python' })(
  'the example CSV of the instructor walkthrough',
  () => {
    it('datasets/examples/make_exam_results.py reproduces exam_results.csv byte for byte', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-example-'));
      try {
        const out = path.join(dir, 'exam_results.csv');
        const { status, output } = runPython(['datasets/examples/make_exam_results.py', out], 60_000);
        expect({ status, output: status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
        expect(fs.readFileSync(out, 'utf8')).toBe(
          fs.readFileSync(path.join(ROOT, 'datasets', 'examples', 'exam_results.csv'), 'utf8')
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
);

describeIf({ what: 'onnxruntime in .venv', present: hasOnnxruntime, fix: 'npm run setup:python' })(
  'calibration',
  () => {
    it('calibrate.py --check: every reference passes through ONNX, every baseline after the tutorial fails, pack scores are current', () => {
      const { status, output } = runPython(['datasets/calibrate.py', '--check'], 240_000);
      expect(output).not.toContain('PROBLEM');
      expect(output.match(/^quest +\d+ /gm)?.length).toBeGreaterThanOrEqual(12);
      expect(status).toBe(0);
    }, 300_000);
  }
);
