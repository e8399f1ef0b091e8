import { randomUUID } from "node:crypto";
import type { IntakeFormDefinition } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../database.js";
import * as schema from "../schema.js";
import { createTestDatabase, testDrivers } from "../testing.js";
import {
  findIntakeRequestByTokenHash,
  getIntakeStatusForPatient,
  getIntakeVersion,
  hashIntakeToken,
  insertIntakeRequest,
  insertIntakeVersion,
  intakeTokenFor,
  latestIntakeVersion,
  listIntakeVersions,
  saveIntakeAnswers,
} from "./intake.js";
import { collectPatientData, erasePatient } from "./patient-data.js";

const definition = (title: string): IntakeFormDefinition => ({
  title,
  introduction: "",
  questions: [
    { id: "reason", kind: "short_text", label: "Why?", helpText: "", required: true },
    { id: "areas", kind: "body_areas", label: "Where?", helpText: "", required: false },
  ],
});
const SECRET = "s".repeat(32);
const now = new Date("2026-11-30T10:00:00Z");

describe.each(testDrivers)("intake queries on %s", (driver) => {
  let handle: DatabaseHandle;
  let patientId: string;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    const [patient] = await handle.db
      .insert(schema.patients)
      .values({ name: "Robin Intake", email: "robin@example.com", phone: "0400 111 222" })
      .returning();
    patientId = patient!.id;
  });
  afterAll(() => handle.close());

  it("numbers versions and keeps each one as published", async () => {
    const by = { id: null, name: "Owner" };
    const v1 = await insertIntakeVersion(handle.db, { definition: definition("One"), by, now });
    const v2 = await insertIntakeVersion(handle.db, { definition: definition("Two"), by, now });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await latestIntakeVersion(handle.db))?.definition.title).toBe("Two");
    expect((await getIntakeVersion(handle.db, v1.id))?.definition.title).toBe("One");
    expect((await listIntakeVersions(handle.db)).map((v) => v.version)).toEqual([2, 1]);
  });

  it("opens a request by its token's hash, reports its status with its link, exports and erases it", async () => {
    expect(await getIntakeStatusForPatient(handle.db, patientId)).toBeNull();
    const version = (await latestIntakeVersion(handle.db))!;
    const id = randomUUID();
    const token = intakeTokenFor(id, SECRET);
    await insertIntakeRequest(handle.db, {
      id,
      patientId,
      bookingId: null,
      formVersionId: version.id,
      tokenHash: hashIntakeToken(token),
      expiresAt: new Date("2026-12-30T10:00:00Z"),
      now,
    });
    const link = { appSecret: SECRET, webUrl: "https://clinic.example/", now };
    expect(await getIntakeStatusForPatient(handle.db, patientId, link)).toMatchObject({
      requestId: id,
      status: "not_started",
      formTitle: "Two",
      expired: false,
      url: `https://clinic.example/intake/${token}`,
    });
    // Without the secret: the status alone.
    expect((await getIntakeStatusForPatient(handle.db, patientId))?.url).toBeNull();

    await saveIntakeAnswers(handle.db, id, { reason: "Sore back" }, { now, submit: false });
    expect((await findIntakeRequestByTokenHash(handle.db, hashIntakeToken(token)))?.status).toBe(
      "in_progress",
    );
    await saveIntakeAnswers(
      handle.db,
      id,
      { reason: "Sore back", areas: ["lower_back"] },
      { now, submit: true },
    );
    const opened = await findIntakeRequestByTokenHash(handle.db, hashIntakeToken(token));
    expect(opened).toMatchObject({ status: "submitted", answers: { reason: "Sore back" } });

    const data = await collectPatientData(handle.db, patientId);
    expect(data?.intakeForms).toEqual([
      expect.objectContaining({
        status: "submitted",
        formVersion: 2,
        formTitle: "Two",
        answers: { reason: "Sore back", areas: ["lower_back"] },
        questions: expect.arrayContaining([expect.objectContaining({ id: "reason" })]),
      }),
    ]);

    await handle.db.transaction((tx) =>
      erasePatient(tx, patientId, { now, actor: { id: null, name: "Test" }, reason: "request" }),
    );
    expect(await findIntakeRequestByTokenHash(handle.db, hashIntakeToken(token))).toBeNull();
    expect(await getIntakeStatusForPatient(handle.db, patientId)).toBeNull();
  });
});
