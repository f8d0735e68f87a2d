import { readFileSync } from "node:fs";
import sharp from "sharp";
import { prepareLicenceImage } from "./src/adapters/recognition/licence-image";
const png = await prepareLicenceImage(readFileSync(process.argv[2] as string));
await sharp(png).extract({ left: 850, top: 280, width: 750, height: 420 }).toFile("/tmp/v-prep.png");
await sharp(readFileSync(process.argv[2] as string)).png().toFile("/tmp/v-orig.png");
