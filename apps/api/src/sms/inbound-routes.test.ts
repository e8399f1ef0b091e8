import { describe, expect, it } from "vitest";
import { replyIntent } from "./inbound-routes.js";

describe("replyIntent", () => {
  it("reads STOP and its carrier synonyms by the first word, in any case", () => {
    for (const body of [
      "STOP",
      " stop ",
      "Stop please",
      "UNSUBSCRIBE",
      "stopall",
      "Cancel",
      "quit.",
    ]) {
      expect(replyIntent(body), body).toBe("stop");
    }
  });

  it("reads START, UNSTOP and YES as opting back in", () => {
    for (const body of ["START", "start", "Unstop", "yes!"])
      expect(replyIntent(body), body).toBe("start");
  });

  it("ignores anything else, a stop later in the text included", () => {
    for (const body of ["", "Thanks, see you then", "please stop", "STOPPED"]) {
      expect(replyIntent(body), body).toBeNull();
    }
  });
});
