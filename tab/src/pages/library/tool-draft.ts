// The audit tool editor's working copy: a tool's name, audit types,
// sections with their questions (each linked to the standards it tests) and
// reflective prompts. New sections, questions and prompts get a key from
// their words; existing ones keep theirs, so grades stay comparable across
// versions. Checks say what is missing in words, per field.
import type { AuditType } from "../../api/types";
import type { VersionedTool } from "./library-words";

export interface DraftQuestion {
  uid: string;
  key?: string;
  prompt: string;
  guidance: string;
  standardIds: string[];
}

export interface DraftSection {
  uid: string;
  key?: string;
  title: string;
  questions: DraftQuestion[];
}

export interface DraftPrompt {
  uid: string;
  key?: string;
  prompt: string;
}

export interface ToolDraft {
  name: string;
  auditTypes: AuditType[];
  sections: DraftSection[];
  reflectivePrompts: DraftPrompt[];
}

let counter = 0;
/** A key for React and for field ids, unique on this page. */
export function newUid(): string {
  counter += 1;
  return `d${counter}`;
}

export function blankQuestion(): DraftQuestion {
  return { uid: newUid(), prompt: "", guidance: "", standardIds: [] };
}

export function blankSection(): DraftSection {
  return { uid: newUid(), title: "", questions: [blankQuestion()] };
}

export function blankPrompt(): DraftPrompt {
  return { uid: newUid(), prompt: "" };
}

export function blankDraft(): ToolDraft {
  return { name: "", auditTypes: ["regular"], sections: [blankSection()], reflectivePrompts: [] };
}

export function draftFrom(tool: VersionedTool): ToolDraft {
  return {
    name: tool.name,
    auditTypes: [...tool.auditTypes],
    sections: tool.sections.map((section) => ({
      uid: newUid(),
      key: section.key,
      title: section.title,
      questions: section.questions.map((question) => ({
        uid: newUid(),
        key: question.key,
        prompt: question.prompt,
        guidance: question.guidance ?? "",
        standardIds: [...question.standardIds],
      })),
    })),
    reflectivePrompts: tool.reflectivePrompts.map((prompt) => ({ uid: newUid(), key: prompt.key, prompt: prompt.prompt })),
  };
}

/** "Is management oversight regular?" → "is-management-oversight-regular" (letters, digits and "-", up to 32). */
function slug(words: string, fallback: string): string {
  const base = words
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  return base || fallback;
}

function uniqueKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let n = 2; taken.has(key); n++) key = `${wanted.slice(0, 36)}-${n}`;
  taken.add(key);
  return key;
}

/** The body of POST /api/audit-tools and …/revisions. */
export function toolBody(draft: ToolDraft, gradeScaleId: string) {
  const sectionKeys = new Set(draft.sections.flatMap((section) => (section.key ? [section.key] : [])));
  const questionKeys = new Set(draft.sections.flatMap((section) => section.questions.flatMap((question) => (question.key ? [question.key] : []))));
  const promptKeys = new Set(draft.reflectivePrompts.flatMap((prompt) => (prompt.key ? [prompt.key] : [])));
  return {
    name: draft.name.trim(),
    auditTypes: draft.auditTypes,
    gradeScaleId,
    sections: draft.sections.map((section) => ({
      key: section.key ?? uniqueKey(slug(section.title, "section"), sectionKeys),
      title: section.title.trim(),
      questions: section.questions.map((question) => ({
        key: question.key ?? uniqueKey(slug(question.prompt, "question"), questionKeys),
        prompt: question.prompt.trim(),
        guidance: question.guidance.trim(),
        standardIds: question.standardIds,
      })),
    })),
    reflectivePrompts: draft.reflectivePrompts.map((prompt) => ({
      key: prompt.key ?? uniqueKey(slug(prompt.prompt, "prompt"), promptKeys),
      prompt: prompt.prompt.trim(),
    })),
  };
}

/** Field names of the draft: "name", "auditTypes", "sections", "section:<uid>", "question:<uid>", "prompt:<uid>". */
export type DraftErrors = Record<string, string>;

/** What is missing, per field, in the order the fields appear. */
export function checkDraft(draft: ToolDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.name.trim()) errors.name = "Give the tool a name.";
  if (draft.auditTypes.length === 0) errors.auditTypes = "Choose at least one type of audit.";
  if (draft.sections.length === 0) errors.sections = "Add at least one section.";
  draft.sections.forEach((section, sectionIndex) => {
    if (!section.title.trim()) errors[`section:${section.uid}`] = `Give section ${sectionIndex + 1} a title.`;
    if (section.questions.length === 0) errors[`section:${section.uid}`] = `Section ${sectionIndex + 1} needs at least one question.`;
    section.questions.forEach((question, questionIndex) => {
      if (!question.prompt.trim()) errors[`question:${question.uid}`] = `Write question ${sectionIndex + 1}.${questionIndex + 1}, or remove it.`;
    });
  });
  draft.reflectivePrompts.forEach((prompt, index) => {
    if (!prompt.prompt.trim()) errors[`prompt:${prompt.uid}`] = `Write reflective prompt ${index + 1}, or remove it.`;
  });
  return errors;
}

/**
 * Where the API's problems go: "body.sections.2.questions.0.prompt" → that
 * question; "body.name" → name; anything else → the form.
 */
export function draftProblemField(draft: ToolDraft, field: string): string {
  const path = field.replace(/^body\./, "");
  const question = /^sections\.(\d+)\.questions\.(\d+)/.exec(path);
  if (question) {
    const uid = draft.sections[Number(question[1])]?.questions[Number(question[2])]?.uid;
    if (uid) return `question:${uid}`;
  }
  const section = /^sections\.(\d+)/.exec(path);
  if (section) {
    const uid = draft.sections[Number(section[1])]?.uid;
    if (uid) return `section:${uid}`;
  }
  const prompt = /^reflectivePrompts\.(\d+)/.exec(path);
  if (prompt) {
    const uid = draft.reflectivePrompts[Number(prompt[1])]?.uid;
    if (uid) return `prompt:${uid}`;
  }
  if (path === "name" || path === "auditTypes") return path;
  return "form";
}
