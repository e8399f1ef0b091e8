import { randomBytes } from "node:crypto";
import pg from "pg";

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database on the server of `serverUrl` (as the database tests make theirs),
 * and its drop. The database `serverUrl` names is only connected to, never changed.
 */
export async function createScratchDatabase(serverUrl: string) {
  const name = `clinic_bench_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}
