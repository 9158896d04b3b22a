// Versioned schema migrations for the embedded store. A migration, once
// released, never changes: add a new one instead. Each runs in its own
// transaction and is recorded in schema_migrations.
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

// Frozen copy of the queryable fields at migration 2 (see ../queryable-fields.ts).
const indexedAtVersion2: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["authority", ["name"]],
  ["gradeScale", ["name"]],
  ["service", ["authorityId", "name"]],
  ["team", ["serviceId", "managerId", "name"]],
  ["person", ["aadObjectId", "email", "teamId", "serviceId", "displayName"]],
  ["caseReference", ["reference", "teamId", "practitionerId"]],
  ["practiceStandard", ["code"]],
  ["auditTool", ["name"]],
  ["auditProgramme", ["auditType", "ownerId", "periodStart"]],
  ["audit", ["status", "type", "auditorId", "practitionerId", "caseId", "programmeId", "dueDate"]],
  ["action", ["status", "ownerId", "auditId", "dueDate"]],
];

const indexedAtVersion3: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["moderation", ["auditId", "moderatorId", "status"]],
  ["teamsConversation", ["conversationId", "aadObjectId", "personId", "status"]],
  ["outboxMessage", ["idempotencyKey", "status", "recipientId", "notBefore"]],
];

const indexedAtVersion4: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["audit", ["teamId", "serviceId", "submittedAt", "overallGrade", "toolId", "theme"]],
  ["action", ["teamId"]],
  ["auditTool", ["supersededById"]],
  ["frameworkComponent", ["number"]],
];

const indexedAtVersion6: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["outboxMessage", ["subjectId", "announcedAt"]],
  ["bulletin", ["status", "authorId", "publishAt"]],
  ["bulletinRead", ["bulletinId", "personId"]],
  ["youSaidWeDid", ["status", "authorId"]],
];

const indexedAtVersion7: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["feedback", ["type", "teamId", "serviceId", "theme", "receivedOn", "caseReference", "importKey"]],
  ["observation", ["practitionerId", "observerId", "teamId", "observedOn", "status", "setting"]],
  ["feedback360Round", ["supervisorId", "requestedById", "teamId", "auditId", "status"]],
];

const indexedAtVersion8: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["survey", ["status", "kind", "seriesId", "opensOn", "closesOn"]],
  ["surveyParticipation", ["surveyId", "personId", "occasion"]],
  ["surveyTally", ["surveyId", "groupKey"]],
  ["surveySettings", ["authorityId"]],
];

const indexedAtVersion9: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["kpiDefinition", ["code"]],
  ["kpiValue", ["kpiId", "month", "teamId", "serviceId", "importId"]],
  ["kpiImport", ["status", "importedById"]],
  ["focusedAuditProposal", ["kpiId", "status", "proposalKey"]],
];

const indexedAtVersion10: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["action", ["sourceId"]],
  ["performanceMeeting", ["kind", "heldOn"]],
  ["reportNarrative", ["period", "scopeKey"]],
  ["selfEvaluation", ["year", "status"]],
  ["sefStatement", ["selfEvaluationId", "area"]],
  ["improvementPriority", ["selfEvaluationId", "status"]],
];

function createFieldIndexes(db: Database.Database, indexed: ReadonlyArray<readonly [string, readonly string[]]>): void {
  for (const [kind, fields] of indexed) {
    for (const field of fields) {
      db.exec(
        `CREATE INDEX ${fieldIndexName(kind, field)} ON records (json_extract(body, '$.${field}'), id) WHERE kind = '${kind}'`,
      );
    }
  }
}

export function fieldIndexName(kind: string, field: string): string {
  return `records_${kind}_${field}`;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "records and the append-only audit log",
    up: (db) => {
      db.exec(`
        CREATE TABLE records (
          kind TEXT NOT NULL,
          id TEXT NOT NULL,
          version INTEGER NOT NULL CHECK (version > 0),
          body TEXT NOT NULL CHECK (json_valid(body)),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE INDEX records_kind_created ON records (kind, created_at, id);

        CREATE TABLE audit_log (
          sequence INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor_id TEXT NOT NULL,
          operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
          kind TEXT NOT NULL,
          record_id TEXT NOT NULL,
          changes TEXT NOT NULL CHECK (json_valid(changes))
        );
        CREATE INDEX audit_log_record ON audit_log (kind, record_id, sequence);
        CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
        CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
      `);
    },
  },
  {
    version: 2,
    name: "indexes on the fields each kind is queried by",
    up: (db) => createFieldIndexes(db, indexedAtVersion2),
  },
  {
    version: 3,
    name: "moderation, Teams conversations and the outbox",
    up: (db) => {
      createFieldIndexes(db, indexedAtVersion3);
      // One outgoing message per idempotency key, whatever the code path.
      db.exec(
        `CREATE UNIQUE INDEX records_outboxMessage_unique_key ON records (json_extract(body, '$.idempotencyKey')) WHERE kind = 'outboxMessage'`,
      );
    },
  },
  {
    version: 4,
    name: "audits and actions by team and service",
    up: (db) => createFieldIndexes(db, indexedAtVersion4),
  },
  {
    version: 6,
    name: "learning bulletins, their reads, \"you said, we did\", and outbox deliveries by subject",
    up: (db) => createFieldIndexes(db, indexedAtVersion6),
  },
  {
    version: 7,
    name: "feedback from children and families, practice observation and 360-degree feedback",
    up: (db) => {
      createFieldIndexes(db, indexedAtVersion7);
      // One record per imported row, whichever import brings it.
      db.exec(`CREATE UNIQUE INDEX records_feedback_unique_import ON records (json_extract(body, '$.importKey')) WHERE kind = 'feedback' AND json_extract(body, '$.importKey') IS NOT NULL`);
    },
  },
  {
    version: 8,
    name: "workforce voice: surveys, participation and anonymous tallies",
    up: (db) => {
      createFieldIndexes(db, indexedAtVersion8);
      // A person answers a survey once (once per audit for reflective feedback), whatever the code path.
      db.exec(
        `CREATE UNIQUE INDEX records_surveyParticipation_once ON records (json_extract(body, '$.surveyId'), json_extract(body, '$.personId'), json_extract(body, '$.occasion')) WHERE kind = 'surveyParticipation'`,
      );
      // One tally per survey and group (team, or service for staff not in a team).
      db.exec(
        `CREATE UNIQUE INDEX records_surveyTally_one_per_group ON records (json_extract(body, '$.surveyId'), json_extract(body, '$.groupKey')) WHERE kind = 'surveyTally'`,
      );
    },
  },
  {
    version: 9,
    name: "performance data: KPI definitions, values, imports and focused audit proposals",
    up: (db) => createFieldIndexes(db, indexedAtVersion9),
  },
  {
    version: 10,
    name: "performance meetings, report narratives, the self-evaluation and improvement plan; actions by source",
    up: (db) => createFieldIndexes(db, indexedAtVersion10),
  },
];

export function migrate(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[],
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
