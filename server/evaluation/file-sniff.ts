/**
 * Recognises the files learners upload by mistake instead of an ONNX model (pickles, joblib
 * dumps, PyTorch checkpoints, Keras files, CSVs of predictions, ...) from their first bytes, so
 * the rejection can say what the file is and how to export ONNX instead.
 */

export const HOW_TO_EXPORT =
  'ML Quest scores ONNX models (.onnx). Export a scikit-learn model with skl2onnx: ' +
  '`from skl2onnx import to_onnx; onx = to_onnx(model, X_train[:1], options={"zipmap": False}); ' +
  'open("model.onnx", "wb").write(onx.SerializeToString())`, a PyTorch module with ' +
  '`torch.onnx.export(module, example_input, "model.onnx")`, or press the notebook\'s Submit button, ' +
  'which converts the model for you.';

export interface SniffedFile {
  kind: string;
  message: string;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2) printable++;
    else if (b === 0) return false;
  }
  return printable / n > 0.97;
}

/** Identifies a file that is certainly not ONNX, or returns null when it may be ONNX. */
export function sniffNonOnnx(bytes: Uint8Array): SniffedFile | null {
  if (bytes.length === 0) {
    return { kind: 'empty', message: `The uploaded file is empty. ${HOW_TO_EXPORT}` };
  }
  if (bytes[0] === 0x80 && bytes.length > 1 && bytes[1] >= 2 && bytes[1] <= 5) {
    return {
      kind: 'pickle',
      message:
        'This is a Python pickle (made by pickle.dump or joblib.dump). ML Quest never loads pickles, ' +
        `because loading one can run any code on the server. ${HOW_TO_EXPORT}`
    };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return {
      kind: 'zip',
      message:
        'This is a ZIP archive (for example a PyTorch .pt/.pth checkpoint, a Keras .keras file or a ' +
        `compressed folder), not an ONNX model. ${HOW_TO_EXPORT}`
    };
  }
  const compressed: [number[], string][] = [
    [[0x1f, 0x8b], 'gzip'],
    [[0x42, 0x5a, 0x68], 'bzip2'],
    [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz/lzma'],
    [[0x04, 0x22, 0x4d, 0x18], 'lz4'],
    [[0x28, 0xb5, 0x2f, 0xfd], 'zstandard']
  ];
  for (const [magic, name] of compressed) {
    if (startsWith(bytes, magic)) {
      return {
        kind: 'compressed',
        message:
          `This is a ${name}-compressed file (joblib.dump with compress= makes these), not an ONNX model. ` +
          `Upload the uncompressed .onnx file. ${HOW_TO_EXPORT}`
      };
    }
  }
  if (bytes[0] === 0x78 && (bytes[1] === 0x01 || bytes[1] === 0x5e || bytes[1] === 0x9c || bytes[1] === 0xda)) {
    return {
      kind: 'compressed',
      message: `This is a zlib-compressed file (a compressed joblib dump), not an ONNX model. ${HOW_TO_EXPORT}`
    };
  }
  if (startsWith(bytes, [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'hdf5', message: `This is an HDF5 file (a Keras .h5 model), not an ONNX model. ${HOW_TO_EXPORT}` };
  }
  if (startsWith(bytes, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])) {
    return { kind: 'numpy', message: `This is a NumPy .npy array, not a model. ${HOW_TO_EXPORT}` };
  }
  if (looksLikeText(bytes)) {
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart();
    if (head.startsWith('{') || head.startsWith('[')) {
      return {
        kind: 'json',
        message: `This is a JSON text file (a notebook or saved predictions?), not an ONNX model. ${HOW_TO_EXPORT}`
      };
    }
    const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '');
    const firstLine = lines[0] ?? '';
    const numericRows = lines.slice(1, 6).every((l) => /^[-+0-9.eE,;\t ]+$/.test(l.trim()));
    if (
      firstLine.includes(',') ||
      firstLine.includes(';') ||
      firstLine.includes('\t') ||
      (lines.length > 1 && numericRows)
    ) {
      return {
        kind: 'csv',
        message:
          'This looks like a CSV/text file, perhaps predictions. ML Quest does not accept predictions: it runs ' +
          `your model on a hidden test set that never leaves the server. ${HOW_TO_EXPORT}`
      };
    }
    return { kind: 'text', message: `This is a text file, not an ONNX model. ${HOW_TO_EXPORT}` };
  }
  return null;
}
