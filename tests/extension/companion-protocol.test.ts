import * as fs from 'fs';
import * as path from 'path';
import { COMPANION_SOURCE } from '../../extension/companion/companion-source';
import {
  CompanionError,
  kernelCode,
  parseConvertReply,
  parseListReply,
  replyId
} from '../../extension/companion/protocol';

describe('companion protocol (browser side)', () => {
  test('the embedded companion source is the current mlquest_companion.py (run embed-companion.js after editing it)', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../extension/companion/mlquest_companion.py'), 'utf8');
    expect(COMPANION_SOURCE).toBe(file);
  });

  test('kernel code only defines _mlquest names and carries the request as JSON', () => {
    const code = kernelCode({
      id: 'r1',
      action: 'convert',
      variable: 'model',
      features: [{ name: 'a"b', type: 'float' }]
    });
    const topLevelNames = code
      .split('\n')
      .filter((line) => /^[A-Za-z_]\w*\s*=|^def |^class /.test(line))
      .map((line) => line.replace(/^def |^class /, '').split(/[\s(=]/)[0]);
    expect(topLevelNames).toEqual(['_mlquest_run']);
    expect(code).toContain('del _mlquest_run');
    expect(code).toContain(
      JSON.stringify(
        JSON.stringify({ id: 'r1', action: 'convert', variable: 'model', features: [{ name: 'a"b', type: 'float' }] })
      )
    );
  });

  test('a convert reply yields the bytes of the first buffer, whatever view it arrives in', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const data = { id: 'r1', ok: true, variable: 'model', model_type: 'LinearRegression', bytes: 4 };
    const view = new DataView(bytes.buffer, 1, 4);
    const converted = parseConvertReply(data, [view]);
    expect(Array.from(converted.onnx)).toEqual([2, 3, 4, 5]);
    expect(converted.modelType).toBe('LinearRegression');
    expect(Array.from(parseConvertReply({ ...data, bytes: 6 }, [bytes.buffer]).onnx)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('a truncated or missing buffer is refused', () => {
    const data = { id: 'r1', ok: true, bytes: 10 };
    expect(() => parseConvertReply(data, [new Uint8Array(3)])).toThrow(/incomplete/);
    expect(() => parseConvertReply(data, [])).toThrow(/no model bytes/);
  });

  test("failure replies become CompanionErrors with the companion's code and message", () => {
    const failure = { id: 'r2', ok: false, code: 'no_such_variable', message: "There is no variable named 'modle'" };
    const error = (() => {
      try {
        parseConvertReply(failure, []);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CompanionError);
    expect(error).toMatchObject({ code: 'no_such_variable', message: "There is no variable named 'modle'" });
    expect(() => parseListReply('garbage')).toThrow(CompanionError);
  });

  test('list replies and reply ids', () => {
    const models = [{ name: 'm', kind: 'sklearn', type: 'LinearRegression' }];
    expect(parseListReply({ id: 'x', ok: true, models })).toEqual(models);
    expect(replyId({ id: 'x' })).toBe('x');
    expect(replyId({ id: 3 })).toBeNull();
    expect(replyId(null)).toBeNull();
  });
});
