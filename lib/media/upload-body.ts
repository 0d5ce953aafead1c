import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_IMAGE_BYTES, TOO_LARGE_MESSAGE } from "./limits";

/** Room for the multipart framing around a file of the largest allowed size. */
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE_MESSAGE);

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decodeName(value: string | null): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * An upload's bytes and file name, from either a multipart form (field `file`, as curl -F and
 * HTML forms send) or a raw body (the editor's fetch of a File, named by `X-File-Name`).
 * Anything over the limit is a 413 before it is all read: by its Content-Length when declared,
 * otherwise as soon as the stream passes the limit.
 */
export async function readUploadBody(req: Request): Promise<{ bytes: Uint8Array; fileName: string | null }> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_IMAGE_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
  const type = req.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("INVALID_INPUT", 'The upload could not be read: send the image as the form field "file".');
    }
    const file = form.get("file");
    if (!(file instanceof File))
      throw new AppError("INVALID_INPUT", 'Send the image as the form field "file".', {
        fieldErrors: { file: ["Choose an image to upload."] },
      });
    if (file.size > MAX_IMAGE_BYTES) throw tooLarge();
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || null };
  }
  if (declared > MAX_IMAGE_BYTES) throw tooLarge();
  const bytes = req.body ? await readCapped(req.body, MAX_IMAGE_BYTES) : new Uint8Array();
  const fileName = decodeName(req.headers.get("x-file-name")) ?? new URL(req.url).searchParams.get("name");
  return { bytes, fileName };
}
