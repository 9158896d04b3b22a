import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { queryableFields } from "../api/store/queryable-fields.js";
import { fieldIndexName, migrations } from "../api/store/sqlite/migrations.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import { describeStoreConformance } from "./store-conformance.js";

const folder = mkdtempSync(join(tmpdir(), "golden-thread-store-"));
let opened = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeStoreConformance("SQLite", async () => new SqliteStore({ path: join(folder, `conformance-${++opened}.sqlite`) }));

describe("SQLite adapter", () => {
  it("applies every migration once and keeps data across reopening", async () => {
    const path = join(folder, "reopen.sqlite");
    const first = new SqliteStore({ path });
    expect(first.schemaVersions()).toEqual(migrations.map((migration) => migration.version));
    const saved = await first.create("team", { serviceId: "s-1", name: "Team A" }, { id: "system:test" });
    await first.close();

    const second = new SqliteStore({ path });
    expect(second.schemaVersions()).toEqual(migrations.map((migration) => migration.version));
    expect(await second.get("team", saved.id)).toEqual(saved);
    await second.close();
  });

  it("uses write-ahead logging", async () => {
    const path = join(folder, "wal.sqlite");
    const store = new SqliteStore({ path });
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("has an index for every queryable field", async () => {
    const path = join(folder, "indexes.sqlite");
    await new SqliteStore({ path }).close();
    const db = new Database(path, { readonly: true });
    const indexes = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all());
    for (const [kind, fields] of Object.entries(queryableFields)) {
      for (const field of fields) expect(indexes, `${kind}.${field}`).toContain(fieldIndexName(kind, field));
    }
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM records WHERE kind = 'audit' AND json_extract(body, '$.status') = ?")
      .all("assigned") as { detail: string }[];
    expect(plan.map((step) => step.detail).join(" ")).toContain(fieldIndexName("audit", "status"));
    db.close();
  });

  it("refuses to change or remove audit-log entries, even with direct SQL", async () => {
    const path = join(folder, "append-only.sqlite");
    const store = new SqliteStore({ path });
    await store.create("team", { serviceId: "s-1", name: "Team A" }, { id: "system:test" });
    await store.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE audit_log SET actor_id = 'someone-else'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(1);
    db.close();
  });
});
