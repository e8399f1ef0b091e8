import { MAX_PHOTO_BYTES, photoUploadSchema } from "@clinic/domain";
import { describe, expect, it } from "vitest";
import {
  PHOTO_MISSING,
  PHOTO_NOT_AN_IMAGE,
  PHOTO_TOO_LARGE,
  photoUploadFrom,
  readPhotoForm,
} from "./photo-upload.server";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff, 0xe0];

function fileOf(bytes: number[] | Uint8Array, name = "photo.png", type = "image/png"): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

function multipart(form: FormData): Request {
  return new Request("http://admin.example/practitioners/1", { method: "POST", body: form });
}

describe("photoUploadFrom", () => {
  it("sends a PNG as base64 that the API's schema accepts", async () => {
    const bytes = [...PNG_SIGNATURE, 1, 2, 3, 4];
    const result = await photoUploadFrom(fileOf(bytes));
    expect(result).toEqual({
      ok: true,
      upload: { contentType: "image/png", dataBase64: Buffer.from(bytes).toString("base64") },
    });
    if (result.ok) expect(photoUploadSchema.safeParse(result.upload).success).toBe(true);
  });

  it("takes the type from the file's bytes, not from its name or claimed type", async () => {
    const result = await photoUploadFrom(fileOf([...JPEG_SIGNATURE, 0], "photo.png", "image/png"));
    expect(result.ok && result.upload.contentType).toBe("image/jpeg");
  });

  it("refuses files that aren't JPEG, PNG or WebP (an SVG, a PDF)", async () => {
    const svg = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
    expect(await photoUploadFrom(fileOf(svg, "x.svg", "image/svg+xml"))).toEqual({
      ok: false,
      message: PHOTO_NOT_AN_IMAGE,
    });
    const pdf = new TextEncoder().encode("%PDF-1.7");
    expect(await photoUploadFrom(fileOf(pdf, "x.png", "image/png"))).toEqual({
      ok: false,
      message: PHOTO_NOT_AN_IMAGE,
    });
  });

  it("asks for a file when none was chosen", async () => {
    expect(await photoUploadFrom(null)).toEqual({ ok: false, message: PHOTO_MISSING });
    expect(await photoUploadFrom("")).toEqual({ ok: false, message: PHOTO_MISSING });
    expect(await photoUploadFrom(fileOf([], "", "application/octet-stream"))).toEqual({
      ok: false,
      message: PHOTO_MISSING,
    });
  });

  it("refuses anything over 8 MB and accepts exactly 8 MB", async () => {
    const exact = new Uint8Array(MAX_PHOTO_BYTES);
    exact.set(PNG_SIGNATURE);
    expect((await photoUploadFrom(fileOf(exact))).ok).toBe(true);
    const over = new Uint8Array(MAX_PHOTO_BYTES + 1);
    over.set(PNG_SIGNATURE);
    expect(await photoUploadFrom(fileOf(over))).toEqual({ ok: false, message: PHOTO_TOO_LARGE });
  });
});

describe("readPhotoForm", () => {
  it("reads the photo and the other fields of a multipart form", async () => {
    const form = new FormData();
    form.set("intent", "photo");
    form.set("photo", fileOf([...PNG_SIGNATURE, 9]));
    const result = await readPhotoForm(multipart(form));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.formData.get("intent")).toBe("photo");
    const check = await photoUploadFrom(result.formData.get("photo"));
    expect(check.ok && check.upload.contentType).toBe("image/png");
  });

  it("stops reading a file larger than 8 MB with a message", async () => {
    const form = new FormData();
    form.set("photo", fileOf(new Uint8Array(MAX_PHOTO_BYTES + 10)));
    expect(await readPhotoForm(multipart(form))).toEqual({ ok: false, message: PHOTO_TOO_LARGE });
  });
});
