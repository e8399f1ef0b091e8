import { createHmac } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeS3 } from "../testing/fake-s3.js";
import { diskImageStore, type ImageStore, s3ImageStore } from "./image-store.js";

async function roundTrip(store: ImageStore) {
  const bytes = new Uint8Array([1, 2, 3, 4, 5]);
  await store.put("abc-320.webp", bytes, "image/webp");
  expect(await store.get("abc-320.webp")).toEqual(bytes);
  expect(await store.get("missing-320.webp")).toBeNull();
  await store.remove("abc-320.webp");
  expect(await store.get("abc-320.webp")).toBeNull();
  await store.remove("abc-320.webp"); // a missing file is not an error
}

describe("disk image store", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "clinic-image-store-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes, reads and removes files in its folder, never overwriting one", async () => {
    await roundTrip(diskImageStore(dir));
    const store = diskImageStore(dir);
    await store.put("once.webp", new Uint8Array([1]), "image/webp");
    await expect(store.put("once.webp", new Uint8Array([2]), "image/webp")).rejects.toThrow();
    expect(await readdir(dir)).toEqual(["once.webp"]);
  });
});

describe("S3-compatible image store", () => {
  const fake = fakeS3({ bucket: "clinic-images", accessKeyId: "AKIDTEST" });
  let endpoint: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (fake.server as Server).close(() => resolve())));

  const store = (overrides: Partial<Parameters<typeof s3ImageStore>[0]> = {}) =>
    s3ImageStore({
      endpoint,
      bucket: "clinic-images",
      region: "auto",
      accessKeyId: "AKIDTEST",
      secretAccessKey: createHmac("sha256", "k").update("secret").digest("hex"),
      prefix: "uploads/",
      ...overrides,
    });

  it("puts, gets and deletes signed objects under its prefix, path-style", async () => {
    await roundTrip(store());
    await store().put("kept-640.avif", new Uint8Array([9]), "image/avif");
    expect(fake.objects.get("uploads/kept-640.avif")).toMatchObject({ contentType: "image/avif" });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      "PUT /clinic-images/uploads/abc-320.webp",
    );
  });

  it("fails loudly when the service refuses, naming the file but no secret", async () => {
    const refused = store({ accessKeyId: "WRONGKEY" });
    const error = await refused.put("x-1.webp", new Uint8Array([1]), "image/webp").catch((e) => e);
    expect(String(error)).toBe("Error: S3 PUT of x-1.webp answered 403");
    await expect(refused.get("x-1.webp")).rejects.toThrow("answered 403");
  });
});
