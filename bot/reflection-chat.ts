// The practitioner's reflection as a short conversation: one prompt at a
// time, free-text answers saved as they are given, with skip, back and
// later. Where they are is kept on the conversation record, so the bot
// picks up in the same place after a restart.
import type { AuditWorkflow } from "../api/services/audit-workflow.js";
import type { Person } from "../api/services/people.js";
import { requireRecord } from "../api/services/people.js";
import type { Saved, Store } from "../api/store/port.js";
import { botActor, type SavedConversation } from "./conversations.js";

export type Say = (text: string) => Promise<void>;

const commands = {
  skip: /^skip$/i,
  back: /^(back|go back|previous)$/i,
  later: /^(later|finish later|stop|pause)$/i,
};

export class ReflectionChat {
  constructor(
    private readonly store: Store,
    private readonly workflow: AuditWorkflow,
  ) {}

  /** Starts (or resumes) the reflection for an audit in this conversation and asks the next prompt. */
  async begin(conversation: SavedConversation, auditId: string, person: Person, say: Say): Promise<void> {
    const audit = requireRecord(await this.store.get("audit", auditId), "audit", auditId);
    if (audit.practitionerId !== person.id) {
      await say("Only the case's practitioner can add their reflection.");
      return;
    }
    const prompts = await this.prompts(audit);
    const next = prompts.find((prompt) => !answeredOrSkipped(audit, prompt.key)) ?? prompts[0];
    if (!next) {
      await say("This audit tool has no reflective questions.");
      return;
    }
    await this.moveTo(conversation, auditId, next.key);
    await this.ask(audit, next.key, say);
  }

  /** Handles a message in a conversation with a reflection under way; false if there is none. */
  async continue(conversation: SavedConversation, person: Person, text: string, say: Say): Promise<boolean> {
    const position = conversation.reflection;
    if (!position) return false;
    const audit = await this.store.get("audit", position.auditId);
    if (!audit || audit.practitionerId !== person.id) {
      await this.clear(conversation);
      return false;
    }
    const prompts = await this.prompts(audit);
    const index = prompts.findIndex((prompt) => prompt.key === position.promptKey);
    const trimmed = text.trim();
    if (commands.later.test(trimmed)) {
      await this.clear(conversation);
      await say("Your answers so far are saved. Type **reflect** when you want to carry on.");
      return true;
    }
    if (commands.back.test(trimmed)) {
      const previous = prompts[Math.max(index - 1, 0)]!;
      await this.moveTo(conversation, audit.id, previous.key);
      await this.ask(audit, previous.key, say, index <= 0 ? "This is the first question." : undefined);
      return true;
    }
    let saved: Saved<"audit">;
    try {
      saved = commands.skip.test(trimmed)
        ? await this.workflow.skipReflectionPrompt(audit.id, position.promptKey, person)
        : await this.workflow.reflect(audit.id, position.promptKey, trimmed, person);
    } catch (error) {
      await this.clear(conversation);
      await say(`${(error as Error).message} Your reflection has stopped here.`);
      return true;
    }
    const next = prompts.slice(index + 1).find((prompt) => !answeredOrSkipped(saved, prompt.key))
      ?? prompts.find((prompt) => !answeredOrSkipped(saved, prompt.key));
    if (next) {
      await this.moveTo(conversation, audit.id, next.key);
      await this.ask(saved, next.key, say);
      return true;
    }
    await this.workflow.finishReflection(audit.id, person);
    await this.clear(conversation);
    await say("Thank you. Your reflection is saved with the audit, and the auditor will read it alongside the case file.");
    return true;
  }

  private async prompts(audit: Saved<"audit">) {
    return requireRecord(await this.store.get("auditTool", audit.toolId), "audit tool", audit.toolId).reflectivePrompts;
  }

  private async ask(audit: Saved<"audit">, promptKey: string, say: Say, preface?: string): Promise<void> {
    const prompts = await this.prompts(audit);
    const index = prompts.findIndex((prompt) => prompt.key === promptKey);
    const previous = audit.reflection?.answers.find((answer) => answer.promptKey === promptKey);
    const lines = [
      ...(preface ? [preface] : []),
      `**Question ${index + 1} of ${prompts.length}.** ${prompts[index]!.prompt}`,
      ...(previous ? ["You answered this before; a new answer replaces it."] : []),
      "Type your answer, or **skip**, **back** or **later**.",
    ];
    await say(lines.join("\n\n"));
  }

  private async moveTo(conversation: SavedConversation, auditId: string, promptKey: string): Promise<void> {
    const current = requireRecord(await this.store.get("teamsConversation", conversation.id), "conversation", conversation.id);
    await this.store.update("teamsConversation", current.id, { reflection: { auditId, promptKey } }, current.etag, botActor);
  }

  private async clear(conversation: SavedConversation): Promise<void> {
    const current = await this.store.get("teamsConversation", conversation.id);
    if (current?.reflection) await this.store.update("teamsConversation", current.id, { reflection: undefined }, current.etag, botActor);
  }
}

function answeredOrSkipped(audit: Saved<"audit">, promptKey: string): boolean {
  const reflection = audit.reflection;
  return Boolean(reflection?.answers.some((answer) => answer.promptKey === promptKey) || reflection?.skippedPromptKeys.includes(promptKey));
}
