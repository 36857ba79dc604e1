// Posts the hand-written records of records.mjs to a running server's ingest route.
//   node seed.mjs http://127.0.0.1:PORT TOKEN
import { records } from "./records.mjs";

const [base, token] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: node seed.mjs BASE_URL TOKEN");
  process.exit(2);
}
const all = records();
const r = await fetch(new URL("/api/ingest", base), {
  method: "POST",
  headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
  body: JSON.stringify(all),
});
const body = await r.json();
if (!r.ok || body.failed !== 0 || body.added + body.updated + body.unchanged !== all.length) {
  console.error(`seed: ingest refused the records: HTTP ${r.status} ${JSON.stringify(body)}`);
  process.exit(1);
}
console.log(`seed: ${all.length} hand-written v4 records stored (added ${body.added})`);
