// A webhook receiver in a process of its own, as a clinic's integration would run one: it
// listens on the port given (argv[2], or a random one), verifies every delivery's signature
// with the contract's `verifyWebhookSignature` against each secret it knows, and prints
// {"port":n} once listening. Tests read what arrived (GET /_received), tell it the secrets
// and how to answer (POST /_control), over HTTP. Run with `node --import tsx`.
import { createServer } from "node:http";
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from "@clinic/domain";

interface Received {
  id: string;
  type: string;
  test: boolean;
  eventIdHeader: string | null;
  /** How many v1 signatures the header carried. */
  signatures: number;
  /** For each known secret, whether the signature verified with it. */
  verified: Record<string, boolean>;
  payload: unknown;
}

let secrets: string[] = [];
let answer = { status: 200, body: "ok", delayMs: 0, location: "" };
const received: Received[] = [];

function readBody(request: import("node:http").IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const server = createServer(async (request, response) => {
  const body = await readBody(request);
  if (request.url === "/_received") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(received));
    return;
  }
  if (request.url === "/_control") {
    const control = JSON.parse(body) as {
      secrets?: string[];
      answer?: Partial<typeof answer>;
      reset?: boolean;
    };
    if (control.secrets) secrets = control.secrets;
    if (control.answer) answer = { ...answer, ...control.answer };
    if (control.reset) received.length = 0;
    response.writeHead(204);
    response.end();
    return;
  }
  const header = request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()];
  const signature = typeof header === "string" ? header : null;
  const verified: Record<string, boolean> = {};
  for (const secret of secrets) {
    const result = await verifyWebhookSignature({ rawBody: body, header: signature, secret });
    verified[secret] = result.ok;
  }
  const payload = JSON.parse(body) as { id: string; type: string; test?: boolean };
  received.push({
    id: payload.id,
    type: payload.type,
    test: payload.test === true,
    eventIdHeader: (request.headers["clinic-event-id"] as string | undefined) ?? null,
    signatures: (signature?.match(/v1=/g) ?? []).length,
    verified,
    payload,
  });
  if (answer.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  response.writeHead(answer.status, {
    "content-type": "text/plain",
    ...(answer.location ? { location: answer.location } : {}),
  });
  response.end(answer.body);
});

server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === "object" ? address?.port : 0 })}\n`,
  );
});
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
