// The self-evaluation and the improvement plan as Word documents. Each
// linked piece of evidence is a footnote where it is cited, and an appendix
// lists every record with its kind and id, so a reader (or an inspector) can
// ask for the record behind a statement.
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun, type FileChild } from "docx";
import { actionRag } from "../domain/improvement-plan-progress.js";
import { ilacsAreaLabels, ilacsAreas, ofstedQuestionLabels, ofstedQuestions, recordKindLabels } from "../domain/records/index.js";
import { ragLabels } from "../domain/report-pack.js";
import { statementFlagLabels } from "../domain/sef-evidence.js";
import type { DescribedEvidence } from "../services/evidence-records.js";
import type { SelfEvaluationView } from "../services/self-evaluation.js";
import { docxTable } from "./docx-parts.js";

export const EVIDENCE_APPENDIX_HEADING = "Appendix: evidence referred to";

/** Numbers each distinct evidence record once; footnotes cite it by that number. */
class EvidenceNotes {
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private readonly appendixRows: string[][] = [];
  private readonly numbers = new Map<string, number>();
  private nextFootnote = 1;

  cite(evidence: DescribedEvidence): FootnoteReferenceRun {
    const key = `${evidence.kind}:${evidence.id}`;
    if (!this.numbers.has(key)) {
      this.numbers.set(key, this.appendixRows.length + 1);
      const kindLabel = (recordKindLabels as Record<string, string>)[evidence.kind] ?? evidence.kind;
      this.appendixRows.push([`E${this.appendixRows.length + 1}`, evidence.label, kindLabel, evidence.id, evidence.exists ? "" : "No longer exists"]);
    }
    const footnote = this.nextFootnote++;
    const note = evidence.note.trim() ? ` ${evidence.note.trim()}` : "";
    this.footnotes[footnote] = { children: [new Paragraph(`Evidence E${this.numbers.get(key)}: ${evidence.label} (${evidence.kind} ${evidence.id}).${note}`)] };
    return new FootnoteReferenceRun(footnote);
  }

  appendix(): FileChild[] {
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(EVIDENCE_APPENDIX_HEADING)] }),
      this.appendixRows.length > 0
        ? docxTable(["Ref", "Evidence", "Kind of record", "Record id", "Note"], this.appendixRows)
        : new Paragraph({ children: [new TextRun({ text: "No evidence is linked yet.", italics: true })] }),
    ];
  }
}

function pack(title: string, children: FileChild[], notes: EvidenceNotes): Promise<Buffer> {
  return Packer.toBuffer(new Document({ creator: "Golden Thread", title, footnotes: notes.footnotes, sections: [{ children: [...children, ...notes.appendix()] }] }));
}

export function selfEvaluationDocx(view: SelfEvaluationView, authorityName: string): Promise<Buffer> {
  const notes = new EvidenceNotes();
  const title = `Self-evaluation ${view.selfEvaluation.year}`;
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({ children: [new TextRun({ text: authorityName, bold: true })] }),
    new Paragraph(`Status: ${view.selfEvaluation.status === "open" ? "in progress" : "closed"}. Structured by the ILACS judgement areas and Ofsted's three questions.`),
  ];
  for (const area of ilacsAreas) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(ilacsAreaLabels[area])] }));
    for (const question of ofstedQuestions) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(ofstedQuestionLabels[question])] }));
      const statements = view.statements.filter((statement) => statement.area === area && statement.question === question);
      if (statements.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: "Nothing written yet.", italics: true })] }));
      for (const statement of statements) {
        const runs = [new TextRun(statement.text.trim() || "(not written yet)"), ...statement.evidenceDescribed.map((evidence) => notes.cite(evidence))];
        children.push(new Paragraph({ children: runs }));
        for (const flag of statement.flags) children.push(new Paragraph({ children: [new TextRun({ text: `Flag: ${statementFlagLabels[flag]}`, italics: true })] }));
      }
    }
  }
  return pack(`${title} (${authorityName})`, children, notes);
}

export function improvementPlanDocx(view: SelfEvaluationView, authorityName: string, today: string): Promise<Buffer> {
  const notes = new EvidenceNotes();
  const title = `Improvement plan ${view.selfEvaluation.year}`;
  const statementText = new Map(view.statements.map((statement) => [statement.id, statement]));
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({ children: [new TextRun({ text: authorityName, bold: true })] }),
    new Paragraph(`Progress: ${view.progress.done} of ${view.progress.actions} actions done across ${view.priorities.length} priorities.`),
  ];
  if (view.priorities.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: "The plan has no priorities yet.", italics: true })] }));
  for (const priority of view.priorities) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(priority.title)] }));
    const status = priority.status === "carried_forward" ? "Carried forward to next year's plan" : priority.status === "achieved" ? "Achieved" : "Active";
    children.push(new Paragraph(`Owner: ${priority.ownerName}. Status: ${status}. RAG: ${ragLabels[priority.progress.rag]} (${priority.progress.reason})`));
    if (priority.impactMeasure.trim()) children.push(new Paragraph(`What will show impact: ${priority.impactMeasure.trim()}`));
    if (priority.evidence.length > 0) children.push(new Paragraph({ children: [new TextRun("Evidence that will show impact:"), ...priority.evidenceDescribed.map((evidence) => notes.cite(evidence))] }));
    const linked = priority.statementIds.map((id) => statementText.get(id)).filter((statement) => statement !== undefined);
    if (linked.length > 0) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun("Self-evaluation statements this priority answers")] }));
      for (const statement of linked) {
        const runs = [new TextRun(`${ilacsAreaLabels[statement.area]}: ${statement.text.trim().slice(0, 300) || "(not written yet)"}`), ...statement.evidenceDescribed.map((evidence) => notes.cite(evidence))];
        children.push(new Paragraph({ bullet: { level: 0 }, children: runs }));
      }
    }
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun("Actions")] }));
    children.push(
      priority.actions.length > 0
        ? docxTable(
            ["Action", "Owner", "Due", "Status", "RAG"],
            priority.actions.map((action) => [action.title, action.ownerName, action.dueDate, action.status.replace(/_/g, " "), ragLabels[actionRag(action, today)]]),
          )
        : new Paragraph({ children: [new TextRun({ text: "No actions yet.", italics: true })] }),
    );
  }
  return pack(`${title} (${authorityName})`, children, notes);
}
