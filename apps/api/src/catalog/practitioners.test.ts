import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDrivers } from "@clinic/db/testing";
import { MAX_PHOTO_BYTES } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { silentLogger } from "../logger.js";
import {
  auditRows,
  createTestApp,
  failure,
  inProcessClient,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
  testImage,
} from "../testing/index.js";

const profile = (slug: string) => ({
  slug,
  name: "Sam Carter",
  title: "Chiropractor",
  bio: "Works with climbers and swimmers.",
  photoUrl: null,
  active: true,
  sortOrder: 5,
});

// The smallest files whose first bytes announce each type.
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);

describe.each(testDrivers)("staff practitioners (%s)", (driver) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;
  let uploadDir: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    owner = await signedInStaff(t, "owner", { name: "Olive Owner" });
    frontDesk = await signedInStaff(t, "front_desk");
    uploadDir = await mkdtemp(join(tmpdir(), "clinic-uploads-"));
  });
  afterAll(async () => {
    await t.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  it("lets the front desk read the list but not change it, writing nothing", async () => {
    const all = await frontDesk.client.practitioners.staffList.query();
    expect(all.map((p) => p.slug)).toEqual(expect.arrayContaining(["jason-lee", "joey-lee"]));
    expect(all[0]).not.toHaveProperty("calendarTokenHash");
    const jasonId = await practitionerIdBySlug(t, "jason-lee");
    expect(
      (await failure(frontDesk.client.practitioners.create.mutate(profile("front-desk-try")))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await failure(frontDesk.client.practitioners.deactivate.mutate({ id: jasonId }))).code,
    ).toBe("FORBIDDEN");
    expect(await auditRows(t, "practitioner.create")).toHaveLength(0);
    expect(await auditRows(t, "practitioner.deactivate")).toHaveLength(0);
  });

  it("creates, edits, deactivates and reactivates, with an audit entry for each", async () => {
    const created = await owner.client.practitioners.create.mutate(profile("sam-carter"));
    expect(created).toMatchObject({ slug: "sam-carter", active: true, bookingCount: 0 });
    const [createdAudit] = await auditRows(t, "practitioner.create");
    expect(createdAudit).toMatchObject({
      actorId: owner.user.id,
      actorName: "Olive Owner",
      entity: "practitioner",
      entityId: created.id,
    });

    const updated = await owner.client.practitioners.update.mutate({
      ...profile("sam-carter"),
      id: created.id,
      title: "Sports chiropractor",
    });
    expect(updated.title).toBe("Sports chiropractor");
    const [updateAudit] = await auditRows(t, "practitioner.update");
    expect(updateAudit?.changes).toEqual({
      title: { from: "Chiropractor", to: "Sports chiropractor" },
    });

    await owner.client.practitioners.deactivate.mutate({ id: created.id });
    const publicSlugs = (await t.client().practitioners.list.query()).map((p) => p.slug);
    expect(publicSlugs).not.toContain("sam-carter");
    const staffView = await owner.client.practitioners.staffList.query();
    expect(staffView.find((p) => p.id === created.id)?.active).toBe(false);
    await expect(
      t.client().practitioners.bySlug.query({ slug: "sam-carter" }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });

    await owner.client.practitioners.reactivate.mutate({ id: created.id });
    expect((await t.client().practitioners.bySlug.query({ slug: "sam-carter" })).name).toBe(
      "Sam Carter",
    );
    expect(await auditRows(t, "practitioner.deactivate")).toHaveLength(1);
    expect(await auditRows(t, "practitioner.reactivate")).toHaveLength(1);
  });

  it("reports a slug already used as a field error, on create and on update", async () => {
    const onCreate = await failure(owner.client.practitioners.create.mutate(profile("jason-lee")));
    expect(onCreate).toMatchObject({
      code: "BAD_REQUEST",
      message: "That address is already used",
      fieldErrors: { slug: ["That address is already used"] },
    });
    const other = await owner.client.practitioners.create.mutate(profile("slug-owner-test"));
    const onUpdate = await failure(
      owner.client.practitioners.update.mutate({ ...profile("joey-lee"), id: other.id }),
    );
    expect(onUpdate.fieldErrors).toEqual({ slug: ["That address is already used"] });
    expect((await owner.client.practitioners.get.query({ id: other.id })).slug).toBe(
      "slug-owner-test",
    );
  });

  it("deletes only practitioners without bookings or linked accounts", async () => {
    const jasonId = await practitionerIdBySlug(t, "jason-lee");
    const refused = await failure(owner.client.practitioners.remove.mutate({ id: jasonId }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/has bookings.*Deactivate/);
    expect((await owner.client.practitioners.get.query({ id: jasonId })).name).toBe("Jason Lee");

    const linked = await owner.client.practitioners.create.mutate(profile("linked-practitioner"));
    await signedInStaff(t, "practitioner", { practitionerId: linked.id });
    expect((await failure(owner.client.practitioners.remove.mutate({ id: linked.id }))).code).toBe(
      "CONFLICT",
    );

    const spare = await owner.client.practitioners.create.mutate(profile("spare-practitioner"));
    expect(await owner.client.practitioners.remove.mutate({ id: spare.id })).toEqual({
      id: spare.id,
      deleted: true,
    });
    expect((await failure(owner.client.practitioners.get.query({ id: spare.id }))).code).toBe(
      "NOT_FOUND",
    );
    const [audit] = await auditRows(t, "practitioner.delete");
    expect(audit).toMatchObject({
      entityId: spare.id,
      changes: { slug: { from: "spare-practitioner", to: null } },
    });
  });

  describe("photos", () => {
    let app: ReturnType<typeof createApp>;
    beforeAll(() => {
      app = createApp({ db: t.db, logger: silentLogger, now: t.now, uploadDir });
    });

    it("stores an upload's variants, links them and serves them with their type and a long cache", async () => {
      const client = inProcessClient(app, owner.token);
      const joeyId = await practitionerIdBySlug(t, "joey-lee");
      const png = await testImage(800, 1000, "png");
      const { photoUrl, photo } = await client.practitioners.uploadPhoto.mutate({
        id: joeyId,
        contentType: "image/png",
        dataBase64: png.toString("base64"),
        alt: "Joey Lee smiling in the clinic",
      });
      expect(photoUrl).toMatch(/^\/uploads\/[0-9a-f]{32}-800\.webp$/);
      expect(photo).toMatchObject({ width: 800, height: 1000, widths: [320, 640, 800] });
      const shown = await t.client().practitioners.bySlug.query({ slug: "joey-lee" });
      expect(shown.photoUrl).toBe(photoUrl);
      expect(shown.photo).toEqual(photo);
      expect(shown.photo?.alt).toBe("Joey Lee smiling in the clinic");

      const res = await app.request(photoUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const avif = await app.request(photoUrl.replace("-800.webp", "-320.avif"));
      expect(avif.headers.get("content-type")).toBe("image/avif");
      expect((await readdir(uploadDir)).filter((f) => f.startsWith(photo.key))).toHaveLength(6);

      const [audit] = await auditRows(t, "practitioner.update_photo");
      expect(audit).toMatchObject({ entityId: joeyId, changes: { photoUrl: { to: photoUrl } } });
    });

    it("changes the photo's alt text alone, refusing it where there is no uploaded photo", async () => {
      const client = inProcessClient(app, owner.token);
      const joeyId = await practitionerIdBySlug(t, "joey-lee");
      const { photo } = await client.practitioners.describePhoto.mutate({
        id: joeyId,
        alt: "Joey Lee taping an ankle",
      });
      expect(photo.alt).toBe("Joey Lee taping an ankle");
      // (Through `app`: `t.app` keeps its own public cache, which this app's writes don't reach.)
      expect(
        (await inProcessClient(app).practitioners.bySlug.query({ slug: "joey-lee" })).photo?.alt,
      ).toBe("Joey Lee taping an ankle");
      const jasonId = await practitionerIdBySlug(t, "jason-lee");
      expect(
        (await failure(client.practitioners.describePhoto.mutate({ id: jasonId, alt: "Jason" })))
          .fieldErrors,
      ).toEqual({ alt: ["Upload a photo first"] });
    });

    it("drops the variants when the photo is removed", async () => {
      const client = inProcessClient(app, owner.token);
      const id = await practitionerIdBySlug(t, "joey-lee");
      const current = await client.practitioners.get.query({ id });
      expect(current.photo).not.toBeNull();
      await client.practitioners.update.mutate({
        id,
        slug: current.slug,
        name: current.name,
        title: current.title,
        bio: current.bio,
        active: current.active,
        sortOrder: current.sortOrder,
        photoUrl: null,
      });
      const after = await client.practitioners.get.query({ id });
      expect(after).toMatchObject({ photoUrl: null, photo: null, photoAlt: null });
    });

    it("refuses a file whose bytes don't match its type, one that isn't an image, one over 8 MB or without alt text, storing nothing", async () => {
      const client = inProcessClient(app, owner.token);
      const id = await practitionerIdBySlug(t, "jason-lee");
      const before = await readdir(uploadDir);
      const alt = "Jason Lee";

      const mismatch = await failure(
        client.practitioners.uploadPhoto.mutate({
          id,
          contentType: "image/jpeg",
          dataBase64: PNG.toString("base64"),
          alt,
        }),
      );
      expect(mismatch).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { dataBase64: ["That file is a PNG image, not JPEG"] },
      });
      const notAnImage = await failure(
        client.practitioners.uploadPhoto.mutate({
          id,
          contentType: "image/webp",
          dataBase64: Buffer.from("<svg onload=alert(1)>").toString("base64"),
          alt,
        }),
      );
      expect(notAnImage.fieldErrors).toEqual({
        dataBase64: ["That file isn't a JPEG, PNG or WebP image"],
      });
      // The right first bytes, then nothing a decoder can read.
      const damaged = await failure(
        client.practitioners.uploadPhoto.mutate({
          id,
          contentType: "image/png",
          dataBase64: PNG.toString("base64"),
          alt,
        }),
      );
      expect(damaged).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: {
          dataBase64: ["That image couldn't be read: it may be damaged or too large"],
        },
      });
      const big = Buffer.concat([JPEG_HEADER, Buffer.alloc(MAX_PHOTO_BYTES)]);
      const oversize = await failure(
        client.practitioners.uploadPhoto.mutate({
          id,
          contentType: "image/jpeg",
          dataBase64: big.toString("base64"),
          alt,
        }),
      );
      expect(oversize).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { dataBase64: ["Images must be at most 8 MB"] },
      });
      const noAlt = await failure(
        client.practitioners.uploadPhoto.mutate({
          id,
          contentType: "image/png",
          dataBase64: (await testImage(40, 40)).toString("base64"),
          alt: "  ",
        }),
      );
      expect(noAlt.fieldErrors).toEqual({
        alt: ["Describe the image for people who can't see it"],
      });

      expect(await readdir(uploadDir)).toEqual(before);
      expect((await client.practitioners.get.query({ id })).photoUrl).toBeNull();
    });

    it("answers a body past the upload limit with 413 and a message", async () => {
      const res = await app.request("/trpc/practitioners.uploadPhoto", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({ dataBase64: "A".repeat(12 * 1024 * 1024) }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { message: "Request body is too large" } });
    });

    it("serves only stored names", async () => {
      for (const path of [
        "/uploads/..%2F..%2Fpackage.json",
        "/uploads/notes.txt",
        `/uploads/${"a".repeat(32)}.png`,
        `/uploads/${"a".repeat(32)}-320.avif`,
        `/uploads/${"a".repeat(32)}-320.svg`,
      ]) {
        expect((await app.request(path)).status, path).toBe(404);
      }
    });
  });

  it("lists a practitioner added without a display order after everyone else", async () => {
    const { sortOrder: _none, ...withoutOrder } = profile("new-at-the-end");
    const before = await owner.client.practitioners.staffList.query();
    const created = await owner.client.practitioners.create.mutate(withoutOrder);
    expect(created.sortOrder).toBe(Math.max(...before.map((p) => p.sortOrder)) + 1);
    const after = await owner.client.practitioners.staffList.query();
    expect(after.at(-1)?.id).toBe(created.id);
    const [createdAudit] = (await auditRows(t, "practitioner.create")).filter(
      (row) => row.entityId === created.id,
    );
    expect(createdAudit?.changes).toMatchObject({
      sortOrder: { from: null, to: created.sortOrder },
    });
    await owner.client.practitioners.remove.mutate({ id: created.id });
  });
});
