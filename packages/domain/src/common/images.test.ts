import { describe, expect, it } from "vitest";
import { imageTypeOf, imageUrlSchema, MAX_PHOTO_BYTES, photoUploadSchema } from "./images.js";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe("imageTypeOf", () => {
  it("recognises JPEG, PNG and WebP by their first bytes", () => {
    expect(imageTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("image/jpeg");
    expect(imageTypeOf(bytes(0x89, ...ascii("PNG\r\n\x1a\n"), 0, 0))).toBe("image/png");
    expect(imageTypeOf(bytes(...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WEBPVP8 ")))).toBe(
      "image/webp",
    );
  });

  it("refuses other files, truncated signatures and RIFF files that aren't WebP", () => {
    expect(imageTypeOf(bytes(...ascii("GIF89a")))).toBeNull();
    expect(imageTypeOf(bytes(...ascii("<svg xmlns")))).toBeNull();
    expect(imageTypeOf(bytes(0xff, 0xd8))).toBeNull();
    expect(imageTypeOf(bytes(...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WAVE")))).toBeNull();
    expect(imageTypeOf(bytes())).toBeNull();
  });
});

describe("photoUploadSchema", () => {
  it("accepts base64 of a known image type", () => {
    const data = Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString("base64");
    expect(
      photoUploadSchema.safeParse({ contentType: "image/jpeg", dataBase64: data }).success,
    ).toBe(true);
  });

  it("refuses other types, broken base64 and anything over 8 MB", () => {
    expect(
      photoUploadSchema.safeParse({ contentType: "image/gif", dataBase64: "R0lG" }).error?.issues[0]
        ?.message,
    ).toBe("Upload a JPEG, PNG or WebP image");
    expect(
      photoUploadSchema.safeParse({ contentType: "image/png", dataBase64: "abc" }).success,
    ).toBe(false);
    expect(
      photoUploadSchema.safeParse({ contentType: "image/png", dataBase64: "ab$=" }).success,
    ).toBe(false);
    const tooBig = Buffer.alloc(MAX_PHOTO_BYTES + 3).toString("base64");
    expect(
      photoUploadSchema.safeParse({ contentType: "image/png", dataBase64: tooBig }).error?.issues[0]
        ?.message,
    ).toBe("Images must be at most 8 MB");
    const justFits = Buffer.alloc(MAX_PHOTO_BYTES).toString("base64");
    expect(
      photoUploadSchema.safeParse({ contentType: "image/png", dataBase64: justFits }).success,
    ).toBe(true);
  });
});

describe("imageUrlSchema", () => {
  it.each(["https://cdn.example.com/a.jpg", "http://example.com/x.png", "/uploads/abc-1.webp"])(
    "accepts %s",
    (url) => expect(imageUrlSchema.safeParse(url).success).toBe(true),
  );

  it.each([
    "javascript:alert(1)",
    "data:image/png;base64,AAAA",
    "/uploads/../secret",
    "//evil.example/x.png",
    "ftp://example.com/a.jpg",
  ])("refuses %s", (url) => expect(imageUrlSchema.safeParse(url).success).toBe(false));
});
