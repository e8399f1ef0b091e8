import { imageSources } from "@clinic/domain";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { FieldError } from "../errors.js";
import { testImage } from "../testing/images.js";
import { processImage, variantWidths } from "./image-pipeline.js";

const upload = (bytes: Buffer, contentType: "image/png" | "image/jpeg" | "image/webp") => ({
  contentType,
  dataBase64: bytes.toString("base64"),
});

describe("image pipeline", () => {
  it("resizes to the standard widths below the original, and the original up to 1280", () => {
    expect(variantWidths(200)).toEqual([200]);
    expect(variantWidths(640)).toEqual([320, 640]);
    expect(variantWidths(1000)).toEqual([320, 640, 1000]);
    expect(variantWidths(4000)).toEqual([320, 640, 1280]);
  });

  it("writes AVIF and WebP at each width, with the right sizes and no camera metadata", async () => {
    const jpeg = await testImage(2000, 1500, "jpeg", { exif: true });
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const { image, files } = await processImage(upload(jpeg, "image/jpeg"));
    expect(image).toMatchObject({
      width: 1280,
      height: 960,
      widths: [320, 640, 1280],
      formats: ["avif", "webp"],
    });
    expect(files.map((f) => f.name).sort()).toEqual(
      [320, 640, 1280].flatMap((w) => [`${image.key}-${w}.avif`, `${image.key}-${w}.webp`]).sort(),
    );
    for (const file of files) {
      const meta = await sharp(file.bytes).metadata();
      const width = Number(file.name.split("-")[1]!.split(".")[0]);
      expect(meta.width, file.name).toBe(width);
      expect(meta.height, file.name).toBe(Math.round((width * 3) / 4));
      expect(meta.exif, file.name).toBeUndefined();
      expect(file.contentType).toBe(meta.format === "heif" ? "image/avif" : "image/webp");
    }
  });

  it("turns a photo upright by its EXIF orientation", async () => {
    // Stored 300×200 landscape, but the camera says "rotate 90°": upright it is 200×300.
    const rotated = await sharp({
      create: { width: 300, height: 200, channels: 3, background: "#336699" },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { image, files } = await processImage(upload(rotated, "image/jpeg"));
    expect(image).toMatchObject({ width: 200, height: 300, widths: [200] });
    const webp = files.find((f) => f.name.endsWith(".webp"))!;
    expect(await sharp(webp.bytes).metadata()).toMatchObject({ width: 200, height: 300 });
  });

  it("refuses what isn't a readable image with a field error on the file", async () => {
    const truncated = (await testImage(100, 100, "png")).subarray(0, 60);
    for (const bad of [
      upload(truncated, "image/png"),
      upload(Buffer.from("GIF89a......"), "image/png"),
    ]) {
      const error = await processImage(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).issues[0]?.path).toEqual(["dataBase64"]);
    }
  });

  it("gives pages a srcset per format and the intrinsic size", async () => {
    const { image } = await processImage(upload(await testImage(700, 350, "webp"), "image/webp"));
    const sources = imageSources(image);
    expect(sources).toMatchObject({ width: 700, height: 350 });
    expect(sources.src).toBe(`/uploads/${image.key}-700.webp`);
    expect(sources.sources).toEqual([
      {
        type: "image/avif",
        srcSet: `/uploads/${image.key}-320.avif 320w, /uploads/${image.key}-640.avif 640w, /uploads/${image.key}-700.avif 700w`,
      },
      {
        type: "image/webp",
        srcSet: `/uploads/${image.key}-320.webp 320w, /uploads/${image.key}-640.webp 640w, /uploads/${image.key}-700.webp 700w`,
      },
    ]);
  });
});
