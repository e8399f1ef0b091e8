import sharp from "sharp";
import type { ImageStore } from "../uploads/image-store.js";

/** A real image of the given size and type, made in memory (a two-tone gradient-free block). */
export async function testImage(
  width: number,
  height: number,
  format: "png" | "jpeg" | "webp" = "png",
  options: { exif?: boolean } = {},
): Promise<Buffer> {
  let image = sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } },
  }).toFormat(format);
  // A camera's metadata (here: who took it) that the pipeline must drop.
  if (options.exif) image = image.withExif({ IFD0: { Artist: "Secret Photographer" } });
  return image.toBuffer();
}

/** An image store in memory, for tests that look at what was stored. */
export function memoryImageStore(): ImageStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    description: "memory",
    async put(name, bytes) {
      if (files.has(name)) throw new Error(`${name} exists`);
      files.set(name, bytes);
    },
    async get(name) {
      return files.get(name) ?? null;
    },
    async remove(name) {
      files.delete(name);
    },
  };
}
