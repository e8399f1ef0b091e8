import { describe, expect, it } from "vitest";
import { responseExcerpt } from "./endpoints.js";
import { ipAddressRefusal, webhookUrlProblem } from "./targets.js";

describe("webhook target addresses", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "[::1]",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "[::ffff:169.254.169.254]",
    "::ffff:a9fe:a9fe",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "64:ff9b::10.0.0.1",
    "2002:7f00:1::",
    "::127.0.0.1",
  ])("refuses %s", (address) => {
    expect(ipAddressRefusal(address)).not.toBeNull();
  });

  it.each(["93.184.216.34", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:1.1.1.1"])(
    "accepts %s",
    (address) => {
      expect(ipAddressRefusal(address)).toBeNull();
    },
  );

  it("refuses text that is no address at all", () => {
    expect(ipAddressRefusal("example.com")).toBe("is not an IP address");
    expect(ipAddressRefusal("1:2:3:4:5:6:7:8:9")).toBe("is not an IP address");
  });
});

describe("webhook URLs", () => {
  const strict = { allowPrivate: false };
  it("needs https and a public host", () => {
    expect(webhookUrlProblem("https://hooks.example.com/clinic", strict)).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.com/clinic", strict)).toMatch(/https/);
    expect(webhookUrlProblem("https://127.0.0.1/x", strict)).toMatch(/loopback/);
    expect(webhookUrlProblem("https://2130706433/x", strict)).toMatch(/loopback/);
    expect(webhookUrlProblem("https://[::ffff:127.0.0.1]/x", strict)).toMatch(/IPv4-mapped/);
    expect(webhookUrlProblem("https://169.254.169.254/latest", strict)).toMatch(/link-local/);
    expect(webhookUrlProblem("https://localhost/x", strict)).toMatch(/local name/);
    expect(webhookUrlProblem("https://printer.local/x", strict)).toMatch(/local name/);
    expect(webhookUrlProblem("https://intranet/x", strict)).toMatch(/local name/);
    expect(webhookUrlProblem("https://user:pw@hooks.example.com/", strict)).toMatch(/password/);
    expect(webhookUrlProblem("ftp://hooks.example.com/", strict)).toMatch(/https/);
  });

  it("lets development send to local http servers", () => {
    expect(webhookUrlProblem("http://127.0.0.1:7600/hook", { allowPrivate: true })).toBeNull();
  });
});

describe("response excerpts", () => {
  it("keeps at most 1,024 characters and replaces control characters", () => {
    expect(responseExcerpt("ok\u001b[31m\u0000")).toBe("ok\uFFFD[31m\uFFFD");
    expect(responseExcerpt("line\nnext\ttab")).toBe("line\nnext\ttab");
    const long = responseExcerpt("x".repeat(5000));
    expect(long).toHaveLength(1024);
    expect(long.endsWith("…")).toBe(true);
  });
});
