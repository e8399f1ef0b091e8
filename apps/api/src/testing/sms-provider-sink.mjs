// An SMS provider in Twilio's style in a process of its own, for tests: it listens on a random
// localhost port, prints {"port":n} once listening, then one JSON line per text it is sent
// (POST /2010-04-01/Accounts/<sid>/Messages.json, form-encoded To, From, Body, basic auth).
// POST /control {"fail":true} makes it answer 503 to every text until {"fail":false}.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

let failing = false;
const MESSAGES = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const server = createServer(async (request, response) => {
  const body = await readBody(request);
  const url = new URL(request.url ?? "/", "http://sink");
  const json = (status, value) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(value));
  };
  if (request.method === "POST" && url.pathname === "/control") {
    failing = Boolean(JSON.parse(body || "{}").fail);
    return json(200, { failing });
  }
  const match = MESSAGES.exec(url.pathname);
  if (request.method !== "POST" || !match) return json(404, { code: 20404, message: "Not found" });
  const form = new URLSearchParams(body);
  const received = {
    accountSid: decodeURIComponent(match[1]),
    authorization: request.headers.authorization ?? "",
    contentType: request.headers["content-type"] ?? "",
    to: form.get("To"),
    from: form.get("From"),
    body: form.get("Body"),
    answered: failing ? 503 : 201,
  };
  process.stdout.write(`${JSON.stringify({ received })}\n`);
  if (failing) return json(503, { code: 20503, message: "Service unavailable" });
  return json(201, { sid: `SM${randomBytes(16).toString("hex")}`, status: "queued" });
});

server.listen(Number(process.env.SMS_SINK_PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

// The test ends the process by closing its stdin (or killing it); never outlive the test.
process.stdin.resume();
process.stdin.on("end", () => server.close(() => process.exit(0)));
