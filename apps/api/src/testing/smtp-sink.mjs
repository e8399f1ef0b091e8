// A real SMTP server in a process of its own, for tests that must see what an SMTP client
// really sends: it listens on a random localhost port, prints {"port":n} once listening, then
// one JSON line per accepted message (envelope, subject, outbox id, attachments).
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        const line = {
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? "",
          outboxId: String(mail.headers.get("x-outbox-id") ?? ""),
          text: mail.text ?? "",
          attachments: mail.attachments.map((a) => ({
            filename: a.filename ?? "",
            contentType: a.contentType,
            content: a.content.toString("utf8"),
          })),
        };
        process.stdout.write(`${JSON.stringify({ message: line })}\n`);
        callback();
      },
      (error) => callback(error),
    );
  },
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`);
});

// The test ends the process by closing its stdin (or killing it); never outlive the test.
process.stdin.resume();
process.stdin.on("end", () => server.close(() => process.exit(0)));
