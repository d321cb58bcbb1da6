/**
 * Reads the `model_file` field of a multipart upload without ever holding more than the size
 * cap: a declared Content-Length over the cap is refused before any byte is read, and the body
 * stream is counted while it arrives and abandoned as soon as it passes the cap.
 */
import { ApiError, badRequest } from './api-error';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function tooLarge(maxMb: number): ApiError {
  return new ApiError(
    413,
    'model_too_large',
    `The model file is larger than ${maxMb} MB, the most ML Quest accepts. Use a smaller model (fewer or ` +
      'shallower trees, fewer layers), or ask the instructor to raise MLQUEST_MAX_MODEL_MB.'
  );
}

async function readCapped(request: Request, capBytes: number, maxMb: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > capBytes) throw tooLarge(maxMb);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > capBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxMb);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return body;
}

/** The uploaded model's bytes, or an ApiError (400, 413, 415) that says how to send it. */
export async function readModelUpload(request: Request, maxMb: number): Promise<Uint8Array> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the model as multipart/form-data with the file in the field "model_file", e.g. ' +
        '`curl -F model_file=@model.onnx -H "Authorization: Bearer <token>" <server>/quests/<id>/submit`.'
    );
  }
  const maxBytes = maxMb * 1024 * 1024;
  const body = await readCapped(request, maxBytes + MULTIPART_OVERHEAD_BYTES, maxMb);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest(
      'The multipart body could not be read; send the file in the field "model_file".',
      'malformed_multipart'
    );
  }
  const file = form.get('model_file');
  if (file === null) {
    throw badRequest('The upload has no field "model_file"; send the .onnx file in that field.', 'model_file_missing');
  }
  if (typeof file === 'string') {
    throw badRequest('The field "model_file" must be a file (the .onnx model), not text.', 'model_file_missing');
  }
  if (file.size > maxBytes) throw tooLarge(maxMb);
  return new Uint8Array(await file.arrayBuffer());
}
