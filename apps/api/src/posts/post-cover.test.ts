import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testDrivers } from "@clinic/db/testing";
import { imageSources } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeS3 } from "../testing/fake-s3.js";
import {
  auditRows,
  createTestApp,
  failure,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
  testImage,
} from "../testing/index.js";
import { s3ImageStore } from "../uploads/image-store.js";

const draft = (slug: string) => ({
  slug,
  title: "Ankle sprains on the trail",
  excerpt: "",
  body: "Rest, then load.",
  tags: [],
  coverImageUrl: null,
});

// Covers go to an S3-compatible bucket here (a fake one in process): the API serves them from it.
describe.each(testDrivers)("post covers (%s)", (driver) => {
  const s3 = fakeS3({ bucket: "covers", accessKeyId: "AKIDCOVERS" });
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let jason: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
    t = await createTestApp({
      driver,
      imageStore: s3ImageStore({
        endpoint,
        bucket: "covers",
        region: "auto",
        accessKeyId: "AKIDCOVERS",
        secretAccessKey: "test-secret-test-secret",
      }),
    });
    owner = await signedInStaff(t, "owner");
    const jasonId = await practitionerIdBySlug(t, "jason-lee");
    jason = await signedInStaff(t, "practitioner", { practitionerId: jasonId, name: "Jason Lee" });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => (s3.server as Server).close(() => resolve()));
  });

  it("uploads a cover with alt text, shows it on the public post and serves it from the bucket", async () => {
    const post = await owner.client.posts.create.mutate({
      ...draft("trail-ankles"),
      authorId: null,
    });
    await owner.client.posts.publish.mutate({ id: post.id });
    const png = await testImage(1600, 900, "png");
    const { cover } = await owner.client.posts.uploadCover.mutate({
      id: post.id,
      contentType: "image/png",
      dataBase64: png.toString("base64"),
      alt: "A runner's ankle taped on a forest trail",
    });
    expect(cover).toMatchObject({ width: 1280, height: 720, widths: [320, 640, 1280] });
    expect(s3.objects.size).toBe(6);

    const shown = await t.client().posts.bySlug.query({ slug: "trail-ankles" });
    expect(shown.cover).toEqual(cover);
    const listed = await t.client().posts.list.query({ page: 1, pageSize: 10 });
    expect(listed.items.find((p) => p.slug === "trail-ankles")?.cover).toEqual(cover);

    const res = await t.app.request(imageSources(cover).src);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const [audit] = await auditRows(t, "post.update_cover");
    expect(audit).toMatchObject({ entityId: post.id, changes: { cover: { to: cover.key } } });

    const described = await owner.client.posts.describeCover.mutate({
      id: post.id,
      alt: "Taping an ankle before a trail run",
    });
    expect(described.cover).toEqual({ ...cover, alt: "Taping an ankle before a trail run" });
    expect((await t.client().posts.bySlug.query({ slug: "trail-ankles" })).cover?.alt).toBe(
      "Taping an ankle before a trail run",
    );
    expect(s3.objects.size).toBe(6);

    await owner.client.posts.removeCover.mutate({ id: post.id });
    expect(
      (await failure(owner.client.posts.describeCover.mutate({ id: post.id, alt: "Gone" })))
        .fieldErrors,
    ).toEqual({ alt: ["Upload a cover first"] });
    expect((await t.client().posts.bySlug.query({ slug: "trail-ankles" })).cover).toBeNull();
  });

  it("refuses a cover without alt text, or on someone else's post, storing nothing", async () => {
    const post = await owner.client.posts.create.mutate({
      ...draft("owners-post"),
      authorId: null,
    });
    const before = s3.objects.size;
    const dataBase64 = (await testImage(50, 50)).toString("base64");
    const noAlt = await failure(
      owner.client.posts.uploadCover.mutate({
        id: post.id,
        contentType: "image/png",
        dataBase64,
        alt: "",
      }),
    );
    expect(noAlt).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { alt: ["Describe the image for people who can't see it"] },
    });
    const notHis = await failure(
      jason.client.posts.uploadCover.mutate({
        id: post.id,
        contentType: "image/png",
        dataBase64,
        alt: "A cover",
      }),
    );
    expect(notHis.code).toBe("FORBIDDEN");
    expect(s3.objects.size).toBe(before);
    expect((await owner.client.posts.get.query({ id: post.id })).cover).toBeNull();
  });
});
