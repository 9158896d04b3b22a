// The self-evaluation and improvement plan through the API: statements by
// judgement area and question with linked evidence, flags for statements
// with none, explained suggestions, plan progress with RAG, carrying
// unfinished priorities into next year without losing the old one, the Word
// exports read back with their evidence, and who may edit. Also meeting
// records, whose actions join the action tracker. Plus the pure pieces.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionRag, priorityProgress } from "../api/domain/improvement-plan-progress.js";
import { areasForServiceName, keywordsOf, statementFlags, suggestEvidence } from "../api/domain/sef-evidence.js";
import { addWorkingDays } from "../api/domain/working-days.js";
import { apiCall, signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let call: Caller;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  call = await signedInCaller(app.url, ["person-qa-lead", "person-dcs", "person-tm-cp", "person-sw-amira", "person-lead-member", "person-hos"]);
});
afterAll(async () => app?.stop());

async function docxText(personId: string, path: string): Promise<{ document: string; footnotes: string }> {
  const token = ((await apiCall<{ token: string }>(app.url, "post", "/api/local-sign-in", { json: { personId } })).body as { token: string }).token;
  const response = await fetch(`${app.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("wordprocessingml");
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const plain = async (name: string) => ((await zip.file(name)?.async("string")) ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  return { document: await plain("word/document.xml"), footnotes: await plain("word/footnotes.xml") };
}

interface SefView {
  selfEvaluation: { id: string; year: string; status: string };
  statements: { id: string; etag: string; text: string; flags: string[]; evidenceDescribed: { kind: string; id: string; label: string; exists: boolean }[] }[];
  priorities: { id: string; etag: string; title: string; status: string; carriedFromId?: string; carriedToId?: string; progress: { rag: string; actions: number; done: number; reason: string }; actions: { id: string; title: string }[] }[];
  progress: { actions: number; done: number };
  canEdit: boolean;
}

let sefId = "";
let sefYear = "";
let statementId = "";
let statementEtag = "";
let priorityId = "";

describe("the self-evaluation", () => {
  it("has the demo's open year; a second open year is refused, and so are people who may not edit or read", async () => {
    const years = (await call("person-qa-lead", "get", "/api/self-evaluations")).body as { selfEvaluations: { id: string; year: string; status: string }[]; canEdit: boolean };
    expect(years.canEdit).toBe(true);
    expect(years.selfEvaluations).toHaveLength(1);
    sefId = years.selfEvaluations[0]!.id;
    sefYear = years.selfEvaluations[0]!.year;
    expect(years.selfEvaluations[0]).toMatchObject({ id: "sef-demo", status: "open" });
    expect((await call("person-tm-cp", "post", "/api/self-evaluations", { year: "2030-31", startsOn: "2030-04-01" })).status).toBe(403);
    expect((await call("person-sw-amira", "get", "/api/self-evaluations")).status).toBe(403);
    const second = await call("person-qa-lead", "post", "/api/self-evaluations", { year: "2030-31", startsOn: "2030-04-01" });
    expect(second.status).toBe(412);
    expect(second.body.detail).toContain("already open");
  });

  it("flags a statement with no evidence, suggests evidence with reasons, and links it", async () => {
    const created = await call("person-qa-lead", "post", `/api/self-evaluations/${sefId}/statements`, {
      area: "children_in_care",
      question: "know",
      text: "Supervision records describe discussion, but decisions and the reasons for them are not always recorded.",
    });
    expect(created.status).toBe(201);
    statementId = created.body.id as string;
    let view = (await call("person-qa-lead", "get", `/api/self-evaluations/${sefId}`)).body as unknown as SefView;
    const mine = (answer: SefView) => answer.statements.find((statement) => statement.id === statementId)!;
    expect(mine(view).flags).toEqual(["no_evidence"]);
    // The demo's second statement has no evidence either, and is flagged.
    expect(view.statements.find((statement) => statement.id === "sef-statement-help-and-protection")!.flags).toEqual(["no_evidence"]);

    const suggestions = (await call("person-qa-lead", "get", `/api/sef-statements/${statementId}/suggestions`)).body as { suggestions: { kind: string; id: string; label: string; reasons: string[] }[] };
    const audit = suggestions.suggestions.find((suggestion) => suggestion.kind === "audit" && suggestion.id === "audit-completed");
    expect(audit, JSON.stringify(suggestions)).toBeDefined();
    expect(audit!.label).toContain("NM-100902");
    expect(audit!.reasons[0]).toMatch(/^Shares the words .*"supervision"/);
    expect(audit!.reasons).toContain("It comes from a service this judgement area covers");

    const linked = await call("person-qa-lead", "patch", `/api/sef-statements/${statementId}`, { evidence: [{ kind: "audit", id: "audit-completed", note: "Found in the November audit" }] }, created.etag);
    expect(linked.status).toBe(200);
    statementEtag = linked.etag!;
    view = (await call("person-qa-lead", "get", `/api/self-evaluations/${sefId}`)).body as unknown as SefView;
    expect(mine(view).flags).toEqual([]);
    expect(mine(view).evidenceDescribed[0]).toMatchObject({ kind: "audit", id: "audit-completed", exists: true });
    // Once linked, it is no longer suggested.
    const again = (await call("person-qa-lead", "get", `/api/sef-statements/${statementId}/suggestions`)).body as { suggestions: { id: string }[] };
    expect(again.suggestions.map((suggestion) => suggestion.id)).not.toContain("audit-completed");
  });

  it("refuses evidence that does not exist or is not evidence, and a stale edit, changing nothing", async () => {
    expect((await call("person-qa-lead", "patch", `/api/sef-statements/${statementId}`, { evidence: [{ kind: "audit", id: "no-such-audit" }] }, statementEtag)).status).toBe(422);
    expect((await call("person-qa-lead", "patch", `/api/sef-statements/${statementId}`, { evidence: [{ kind: "outboxMessage", id: "x" }] }, statementEtag)).status).toBe(422);
    expect((await call("person-qa-lead", "patch", `/api/sef-statements/${statementId}`, { text: "Stale" }, "\"stale\"")).status).toBe(412);
    expect((await call("person-tm-cp", "patch", `/api/sef-statements/${statementId}`, { text: "Not mine to write" }, statementEtag)).status).toBe(403);
    expect((await call("person-lead-member", "patch", `/api/sef-statements/${statementId}`, { text: "Read only" }, statementEtag)).status).toBe(403);
    const view = (await call("person-lead-member", "get", `/api/self-evaluations/${sefId}`)).body as unknown as SefView;
    expect(view.canEdit).toBe(false);
    const statement = view.statements.find((candidate) => candidate.id === statementId)!;
    expect(statement.text).toContain("Supervision records describe discussion");
    expect(statement.evidenceDescribed).toHaveLength(1);
  });

  it("lets a head of service, as a senior leader, edit", async () => {
    const created = await call("person-hos", "post", `/api/self-evaluations/${sefId}/statements`, { area: "leaders", question: "how_we_know", text: "Monthly audits and moderation." });
    expect(created.status).toBe(201);
  });
});

describe("the improvement plan", () => {
  it("adds a priority linked to the statement; its actions join the tracker and give it a RAG status", async () => {
    const priority = await call("person-qa-lead", "post", `/api/self-evaluations/${sefId}/priorities`, {
      title: "Managers record supervision decisions and why",
      impactMeasure: "Audits grade oversight good or better in 8 of 10 cases",
      ownerId: "person-hos",
      statementIds: [statementId],
      evidence: [{ kind: "audit", id: "audit-completed" }],
    });
    expect(priority.status).toBe(201);
    priorityId = priority.body.id as string;
    const overdue = await call("person-qa-lead", "post", `/api/improvement-priorities/${priorityId}/actions`, { title: "Supervision template with a decisions box", ownerId: "person-tm-cp", dueDate: "2026-01-05" });
    expect(overdue.status).toBe(201);
    const later = await call("person-qa-lead", "post", `/api/improvement-priorities/${priorityId}/actions`, { title: "Dip-sample supervision records", ownerId: "person-tm-cp", dueDate: addWorkingDays(today, 40) });
    expect(later.status).toBe(201);

    const tracker = (await call("person-tm-cp", "get", "/api/actions?ownerId=person-tm-cp")).body as { actions: { id: string; sourceKind?: string; sourceId?: string }[] };
    expect(tracker.actions.find((action) => action.id === overdue.body.id)).toMatchObject({ sourceKind: "improvementPriority", sourceId: priorityId });

    const ours = (answer: SefView) => answer.priorities.find((candidate) => candidate.id === priorityId)!;
    let view = (await call("person-qa-lead", "get", `/api/self-evaluations/${sefId}`)).body as unknown as SefView;
    expect(ours(view).progress).toMatchObject({ rag: "red", actions: 2, done: 0, reason: "1 action overdue." });
    // The demo's priority has no actions yet.
    expect(view.priorities.find((candidate) => candidate.id === "priority-supervision-decisions")!.progress).toMatchObject({ rag: "not_started", actions: 0, done: 0 });

    // The owner marks the overdue one done: the rest is on track.
    const done = await call("person-tm-cp", "post", `/api/actions/${overdue.body.id as string}/done`, { evidence: "Template live in the case system" }, overdue.etag);
    expect(done.status).toBe(200);
    view = (await call("person-qa-lead", "get", `/api/self-evaluations/${sefId}`)).body as unknown as SefView;
    expect(ours(view).progress).toMatchObject({ rag: "green", actions: 2, done: 1 });
    expect(view.progress).toEqual({ priorities: expect.any(Array), actions: 2, done: 1 });
  });

  it("reports plan progress in the report pack", async () => {
    const pack = (await call("person-qa-lead", "get", `/api/reports/pack?period=${today.slice(0, 7)}`)).body as { pack: { sections: { key: string; tables: { rows: string[][] }[] }[] } };
    const plan = pack.pack.sections.find((section) => section.key === "improvement_plan")!;
    expect(plan.tables[0]!.rows).toContainEqual(["Managers record supervision decisions and why", "Helen Marsh", "1 of 2", "Green", "1 action open, all on track."]);
  });

  it("exports the SEF and the plan as Word documents with the evidence as footnotes and an appendix", async () => {
    const sef = await docxText("person-dcs", `/api/self-evaluations/${sefId}/self-evaluation.docx`);
    expect(sef.document).toContain(`Self-evaluation ${sefYear}`);
    expect(sef.document).toContain("The experiences and progress of children in care");
    expect(sef.document).toContain("What do you know about the quality and impact of social work practice?");
    expect(sef.document).toContain("Supervision records describe discussion");
    expect(sef.document).toContain("Appendix: evidence referred to");
    expect(sef.document).toMatch(/E1 Audit of NM-100902: requires improvement, \d{4}-\d{2}-\d{2} audit audit-completed/);
    expect(sef.document).toContain("Flag: No evidence linked"); // the head of service's statement has none
    expect(sef.footnotes).toContain("Evidence E1: Audit of NM-100902");
    expect(sef.footnotes).toContain("Found in the November audit");

    const plan = await docxText("person-qa-lead", `/api/self-evaluations/${sefId}/improvement-plan.docx`);
    expect(plan.document).toContain(`Improvement plan ${sefYear}`);
    expect(plan.document).toContain("Managers record supervision decisions and why");
    expect(plan.document).toContain("What will show impact: Audits grade oversight good or better in 8 of 10 cases");
    expect(plan.document).toContain("Supervision template with a decisions box Daniel Price 2026-01-05 done Complete");
    expect(plan.document).toContain("Appendix: evidence referred to");
    expect(plan.footnotes).toContain("Evidence E1: Audit of NM-100902");
  });

  it("starts next year's SEF: the unfinished priority and its open action carry forward, the old year is kept as it ended", async () => {
    const achieved = await call("person-qa-lead", "post", `/api/self-evaluations/${sefId}/priorities`, { title: "Already achieved", ownerId: "person-qa-lead" });
    const achievedView = (await call("person-qa-lead", "patch", `/api/improvement-priorities/${achieved.body.id as string}`, { status: "achieved" }, achieved.etag)).status;
    expect(achievedView).toBe(200);

    const next = await call("person-qa-lead", "post", `/api/self-evaluations/${sefId}/next-year`);
    expect(next.status).toBe(201);
    const nextStart = Number(sefYear.slice(0, 4)) + 1;
    expect(next.body).toMatchObject({ year: `${nextStart}-${String((nextStart + 1) % 100).padStart(2, "0")}`, startsOn: `${nextStart}-04-01`, status: "open", previousId: sefId });

    const old = (await call("person-qa-lead", "get", `/api/self-evaluations/${sefId}`)).body as unknown as SefView;
    expect(old.selfEvaluation.status).toBe("closed");
    expect(old.statements).toHaveLength(4); // the demo's two and this test's two
    const carriedOld = old.priorities.find((priority) => priority.id === priorityId)!;
    expect(carriedOld.status).toBe("carried_forward");
    expect(carriedOld.progress).toMatchObject({ actions: 2, done: 1, rag: "green", reason: `1 action open, all on track. Carried forward to ${next.body.year as string}.` });
    expect(carriedOld.actions.map((action) => action.title)).toEqual(["Supervision template with a decisions box"]);
    expect(old.priorities.find((priority) => priority.title === "Already achieved")!.status).toBe("achieved");

    const fresh = (await call("person-qa-lead", "get", `/api/self-evaluations/${next.body.id as string}`)).body as unknown as SefView;
    // Both unfinished priorities (this test's and the demo's) carry forward; the achieved one does not.
    expect(fresh.priorities.map((priority) => priority.title).sort()).toEqual(["Managers record supervision decisions and the reasons for them", "Managers record supervision decisions and why"]);
    const carriedNew = fresh.priorities.find((priority) => priority.carriedFromId === priorityId)!;
    expect(carriedNew).toMatchObject({ title: "Managers record supervision decisions and why", status: "active" });
    expect(carriedNew.actions.map((action) => action.title)).toEqual(["Dip-sample supervision records"]);
    expect(carriedOld.carriedToId).toBe(carriedNew.id);

    // The closed year cannot change.
    expect((await call("person-qa-lead", "post", `/api/self-evaluations/${sefId}/statements`, { area: "leaders", question: "plans", text: "Late" })).status).toBe(409);
  });
});

describe("meetings", () => {
  it("records a QA board with attendees and decisions; its actions join the action tracker", async () => {
    expect((await call("person-tm-cp", "post", "/api/meetings", { title: "QA board", kind: "qa_board", heldOn: "2026-11-12", attendeeIds: ["person-qa-lead"] })).status).toBe(403);
    const bad = await call("person-qa-lead", "post", "/api/meetings", { title: "QA board", kind: "qa_board", heldOn: "2026-11-12", attendeeIds: [] });
    expect(bad.status).toBe(400);
    const meeting = await call("person-qa-lead", "post", "/api/meetings", {
      title: "November QA board",
      kind: "qa_board",
      heldOn: "2026-11-12",
      attendeeIds: ["person-qa-lead", "person-dcs", "person-hos"],
      decisions: ["Deep dive into supervision recording in January"],
      reportPeriod: "2026-10",
    });
    expect(meeting.status).toBe(201);
    const meetingId = meeting.body.id as string;
    const action = await call("person-qa-lead", "post", `/api/meetings/${meetingId}/actions`, { title: "Plan the supervision deep dive", ownerId: "person-hos", dueDate: addWorkingDays(today, 10) });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({ sourceKind: "performanceMeeting", sourceId: meetingId, status: "open", reason: "Set at November QA board on 2026-11-12" });

    const tracker = (await call("person-hos", "get", "/api/actions?ownerId=person-hos")).body as { actions: { id: string; title: string }[] };
    expect(tracker.actions.map((row) => row.title)).toContain("Plan the supervision deep dive");
    const view = (await call("person-dcs", "get", `/api/meetings/${meetingId}`)).body as { attendees: { displayName: string }[]; actions: { title: string }[]; decisions: string[] };
    expect(view.attendees.map((person) => person.displayName)).toEqual(["Priya Shah", "Marcus Webb", "Helen Marsh"]);
    expect(view.actions.map((row) => row.title)).toEqual(["Plan the supervision deep dive"]);
    // The owner is told in Teams through the outbox.
    const outbox = await app.store.query("outboxMessage", { where: { recipientId: "person-hos" } });
    expect(outbox.records.some((message) => JSON.stringify(message).includes(action.body.id as string))).toBe(true);
  });
});

describe("the pure rules", () => {
  it("gives RAG from the due date and status", () => {
    expect(actionRag({ title: "a", status: "open", dueDate: "2026-11-01" }, "2026-11-26")).toBe("red");
    expect(actionRag({ title: "a", status: "open", dueDate: "2026-12-01" }, "2026-11-26")).toBe("amber");
    expect(actionRag({ title: "a", status: "open", dueDate: "2027-02-01" }, "2026-11-26")).toBe("green");
    expect(actionRag({ title: "a", status: "done", dueDate: "2026-11-01" }, "2026-11-26")).toBe("complete");
    const none = priorityProgress({ id: "p", title: "P", ownerName: "O" }, [], "2026-11-26");
    expect(none).toMatchObject({ rag: "not_started", actions: 0 });
    const allDone = priorityProgress({ id: "p", title: "P", ownerName: "O" }, [{ title: "a", status: "done", dueDate: "2026-11-01" }, { title: "b", status: "cancelled", dueDate: "2026-11-01" }], "2026-11-26");
    expect(allDone).toMatchObject({ rag: "complete", actions: 1, done: 1 });
  });

  it("suggests only for a checkable reason, and ranks by area and year", () => {
    const statement = { text: "Care leavers' pathway plans (PS-6) are reviewed on time", area: "care_leavers" as const, evidence: [] };
    const candidates = [
      { kind: "audit", id: "a", label: "A", text: "pathway plans reviewed late", areas: ["care_leavers" as const], date: "2026-05-01" },
      { kind: "audit", id: "b", label: "B", text: "pathway plan", date: "2020-01-01" },
      { kind: "audit", id: "c", label: "C", text: "nothing in common", areas: ["care_leavers" as const], date: "2026-05-01" },
      { kind: "audit", id: "d", label: "D", text: "unrelated", standardCodes: ["PS-6"] },
    ];
    const suggestions = suggestEvidence(statement, candidates, { from: "2026-04-01", to: "2027-03-31" });
    expect(suggestions.map((suggestion) => suggestion.id)).toEqual(["a", "b", "d"]);
    expect(suggestions[0]!.reasons).toEqual([
      'Shares the words "pathway", "plan", "review" with the statement',
      "It comes from a service this judgement area covers",
      "It is from the year this self-evaluation covers",
    ]);
    expect(suggestions[2]!.reasons).toEqual(["It covers practice standard PS-6, named in the statement"]);
    expect(keywordsOf("The children's plans")).toEqual(new Set(["plan"]));
    expect(areasForServiceName("Children in care and care leavers")).toEqual(["children_in_care", "care_leavers"]);
    expect(statementFlags({ text: "", evidence: [{ kind: "audit", id: "gone", note: "" }] }, () => false)).toEqual(["not_written", "missing_evidence"]);
  });
});

describe("correcting a meeting record", () => {
  it("changes it with its ETag, refuses a stale change and an unknown attendee, and changes nothing then", async () => {
    const meeting = await call("person-qa-lead", "get", "/api/meetings/meeting-qa-board");
    expect(meeting.status).toBe(200);
    const corrected = await call("person-qa-lead", "patch", "/api/meetings/meeting-qa-board", { notes: "Corrected notes" }, meeting.etag);
    expect(corrected.status).toBe(200);
    expect(corrected.body.notes).toBe("Corrected notes");
    expect((await call("person-qa-lead", "patch", "/api/meetings/meeting-qa-board", { notes: "Stale" }, meeting.etag)).status).toBe(412);
    expect((await call("person-qa-lead", "patch", "/api/meetings/meeting-qa-board", { attendeeIds: ["nobody"] }, corrected.etag)).status).toBe(422);
    expect((await call("person-qa-lead", "patch", "/api/meetings/meeting-qa-board", { notes: "No ETag" })).status).toBe(428);
    const after = await call("person-dcs", "get", "/api/meetings/meeting-qa-board");
    expect(after.body).toMatchObject({ notes: "Corrected notes", etag: corrected.etag });
    expect((await call("person-sw-amira", "get", "/api/meetings")).status).toBe(403);
  });
});

describe("evidence from the other parts of Golden Thread", () => {
  it("suggests KPIs and feedback for a statement, and links them with readable labels", async () => {
    const years = (await call("person-qa-lead", "get", "/api/self-evaluations")).body as { selfEvaluations: { id: string; status: string }[] };
    const open = years.selfEvaluations.find((year) => year.status === "open")!;
    const created = await call("person-qa-lead", "post", `/api/self-evaluations/${open.id}/statements`, {
      area: "help_and_protection",
      question: "how_we_know",
      text: "Re-referrals within 12 months are above target, and families tell us they are not told about changes to contact.",
    });
    expect(created.status).toBe(201);
    const suggestions = (await call("person-qa-lead", "get", `/api/sef-statements/${created.body.id as string}/suggestions`)).body as { suggestions: { kind: string; id: string; label: string; reasons: string[] }[] };
    const kpi = suggestions.suggestions.find((suggestion) => suggestion.kind === "kpiDefinition");
    const feedback = suggestions.suggestions.find((suggestion) => suggestion.kind === "feedback");
    expect(kpi, JSON.stringify(suggestions)).toBeDefined();
    expect(kpi!.label).toMatch(/^KPI [A-Z0-9-]+: Re-referrals within 12 months$/);
    expect(feedback, JSON.stringify(suggestions)).toBeDefined();
    expect(feedback!.label).toMatch(/^Complaint about "Not told about changes to contact", received \d{4}-\d{2}-\d{2}/);
    expect(feedback!.reasons[0]).toMatch(/^Shares the words/);

    const linked = await call("person-qa-lead", "patch", `/api/sef-statements/${created.body.id as string}`, { evidence: [{ kind: kpi!.kind, id: kpi!.id }, { kind: feedback!.kind, id: feedback!.id }] }, created.etag);
    expect(linked.status).toBe(200);
    const view = (await call("person-qa-lead", "get", `/api/self-evaluations/${open.id}`)).body as unknown as SefView;
    const statement = view.statements.find((candidate) => candidate.id === created.body.id)!;
    expect(statement.flags).toEqual([]);
    expect(statement.evidenceDescribed.map((evidence) => evidence.label)).toEqual([kpi!.label, feedback!.label]);
  });
});
