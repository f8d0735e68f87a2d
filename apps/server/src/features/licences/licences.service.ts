import { fileTypeFromBuffer } from "file-type";
import type { Logger } from "pino";
import type { LicenceFields, LicenceRecognizer } from "../../adapters/recognition/licence-recognizer";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { HOUR, hitRateLimit, MINUTE, type Window } from "../../shared/rate-limit";
import type { Actor } from "../policy/actor";

export const LICENCE_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = ["image/jpeg", "image/png"];

/** Reading a licence costs about a second of a core: a person filling the form needs a few, not hundreds. */
const PER_USER: readonly Window[] = [
  { ms: MINUTE, max: 10, label: "每分钟最多识别 10 次" },
  { ms: HOUR, max: 60, label: "每小时最多识别 60 次" },
];

/**
 * 营业执照识别 for the enterprise form's comparison dialog: the picture is checked by its bytes, the person's
 * rate counted, then the recognizer reads it. A recognizer that fails or runs out of time is answered
 * LICENCE_RECOGNITION_UNAVAILABLE, so the form says so and the person goes on.
 */
export class LicenceRecognitionService {
  constructor(
    private readonly deps: { database: UnitOfWork; clock: Clock; logger: Logger; recognizer: LicenceRecognizer },
  ) {}

  async recognise(actor: Actor, image: Uint8Array): Promise<LicenceFields> {
    if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
    if (image.length > LICENCE_IMAGE_MAX_BYTES) throw new AppError("LICENCE_IMAGE_TOO_LARGE");
    const type = (await fileTypeFromBuffer(image))?.mime;
    if (!type || !IMAGE_TYPES.includes(type)) throw new AppError("LICENCE_IMAGE_TYPE_NOT_ALLOWED");
    const now = this.deps.clock.now();
    await this.deps.database.transaction((trx) =>
      hitRateLimit(trx, {
        bucket: "licence:user",
        subject: actor.userId,
        windows: PER_USER,
        now,
        code: "LICENCE_RECOGNITION_RATE_LIMITED",
      }),
    );
    try {
      return await this.deps.recognizer.recognise(image);
    } catch (error) {
      this.deps.logger.warn({ err: error, recognizer: this.deps.recognizer.name }, "licence recognition failed");
      throw new AppError("LICENCE_RECOGNITION_UNAVAILABLE");
    }
  }
}
