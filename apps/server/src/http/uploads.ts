import type { ErrorCode } from "@lnca/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../shared/app-error";

/** The one uploaded file of a multipart request (field `file`), read into memory within the size limit. */
export async function uploadedFile(
  request: FastifyRequest,
  maxBytes: number,
  /** The code a file over `maxBytes` is refused with (its message names the limit). */
  tooLarge: ErrorCode = "FILE_TOO_LARGE",
): Promise<{ bytes: Buffer; fileName: string | null }> {
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 0 } });
    if (!part) throw new AppError("FILE_REQUIRED");
    return { bytes: await part.toBuffer(), fileName: part.filename || null };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(tooLarge);
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") throw new AppError("FILE_REQUIRED");
    // Anything else the multipart parser throws is a body it could not read (no boundary, cut short…).
    throw new AppError("BAD_REQUEST", "上传的文件内容不完整，请重新上传");
  }
}

const INLINE_CSP =
  "default-src 'none'; img-src 'self' data:; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

/**
 * A stored file goes out as what its bytes are (checked at upload), never rendered by the browser as a page:
 * no sniffing, not cached, a CSP that runs nothing. A download is sandboxed; `inline` lets the platform's own
 * pages preview an image or a PDF in a frame (Chrome's PDF viewer shows nothing under `sandbox`).
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { bytes: Buffer; mediaType: string },
  options: { name: string; inline?: boolean },
) {
  const extension = EXTENSIONS[file.mediaType] ?? "bin";
  const disposition = options.inline ? "inline" : "attachment";
  const framed = options.inline
    ? reply.header("content-security-policy", INLINE_CSP).header("x-frame-options", "SAMEORIGIN")
    : reply.header("content-security-policy", "sandbox");
  return framed
    .type(file.mediaType)
    .header("content-disposition", `${disposition}; filename="${options.name}.${extension}"`)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .send(file.bytes);
}
