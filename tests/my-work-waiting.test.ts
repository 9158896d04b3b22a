// GET /api/my-work/waiting through the REST API as demo people: a
// practitioner sees the observation reflection, 360-degree feedback, survey
// and bulletin asked of them (and a practitioner in another team sees none of
// them); reflecting, answering and reading take each one off the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../api/domain/calendar.js";
import { agreementLabels } from "../api/domain/records/survey.js";
import { answerInputName } from "../api/domain/survey-answers.js";
import { Feedback360 } from "../api/services/feedback-360.js";
import type { Person } from "../api/services/people.js";
import { WorkforceVoice } from "../api/services/workforce-voice.js";
import { signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const amira = "person-sw-amira"; // practitioner, assessment team
const liam = "person-sw-liam"; // practitioner, child protection team
const grace = "person-tm-assessment"; // team manager, assessment team
const priya = "person-qa-lead";
const psw = "person-psw";

interface WaitingEntry {
  kind: string;
  id: string;
  title: string;
  dueDate: string | null;
  link: string | null;
  where: string;
}

let app: TestApp;
let call: Caller;
const today = dayOf(new Date());
const inDays = (n: number) => dayOf(new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000));

async function waitingFor(personId: string): Promise<WaitingEntry[]> {
  const response = await call(personId, "get", "/api/my-work/waiting");
  expect(response.status).toBe(200);
  return response.body.waiting as WaitingEntry[];
}

async function person(personId: string): Promise<Person> {
  const found = await app.store.get("person", personId);
  if (!found) throw new Error(`no demo person ${personId}`);
  return found;
}

beforeAll(async () => {
  app = await startTestApp();
  call = await signedInCaller(app.url, [amira, liam, grace, priya, psw]);
});
afterAll(async () => {
  await app?.stop();
});

describe("what is waiting for you on My work", () => {
  it("lists what each feature asked of the person only, and drops each once done", async () => {
    const observation = await call(grace, "post", "/api/observations", {
      practitionerId: amira,
      setting: "home_visit",
      observedOn: today,
      caseReference: "NM-100231",
      strengths: "Warm, clear explanation of the plan to the family.",
    });
    expect(observation.status).toBe(201);
    const observationId = observation.body.id as string;

    const round = await call(grace, "post", "/api/supervision-feedback", { supervisorId: grace, recipientIds: [amira] });
    expect(round.status).toBe(201);
    const roundId = round.body.id as string;

    const draft = await call(priya, "post", "/api/surveys", {
      title: "Autumn pulse",
      kind: "pulse",
      questions: [{ key: "workload", type: "scale", text: "My workload is manageable", labels: agreementLabels }],
      audience: { scope: "teams", teamIds: ["team-assessment"] },
      round: "Autumn 2026",
      opensOn: today,
      closesOn: inDays(7),
    });
    expect(draft.status).toBe(201);
    const surveyId = draft.body.id as string;
    expect((await call(priya, "post", `/api/surveys/${surveyId}/send`, {}, draft.etag)).status).toBe(200);

    const bulletin = await call(psw, "post", "/api/bulletins", {
      title: "Hearing the child",
      summary: "Write the child's own words into the plan.",
      layout: "standard",
      audience: { channelIds: [], teamIds: ["team-assessment"], personIds: [], personalChats: true },
    });
    expect(bulletin.status).toBe(201);
    const bulletinId = bulletin.body.id as string;
    expect((await call(psw, "post", `/api/bulletins/${bulletinId}/publish`, {}, bulletin.etag)).status).toBe(200);

    const mine = await waitingFor(amira);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "observation_reflection", id: observationId, link: "#/observations", title: expect.stringContaining("NM-100231") }),
        expect.objectContaining({ kind: "feedback_360", id: roundId, link: null }),
        expect.objectContaining({ kind: "survey", id: surveyId, title: "Survey: Autumn pulse", dueDate: inDays(7), link: null }),
        expect.objectContaining({ kind: "bulletin", id: bulletinId, link: `#/bulletins/${bulletinId}` }),
      ]),
    );
    const newIds = [observationId, roundId, surveyId, bulletinId];
    expect((await waitingFor(liam)).map((entry) => entry.id).filter((id) => newIds.includes(id))).toEqual([]);
    // Grace observed and is the supervisor: not hers to reflect on or answer (the survey and bulletin are for her team, so hers too).
    expect((await waitingFor(grace)).map((entry) => entry.id).filter((id) => newIds.includes(id)).sort()).toEqual([surveyId, bulletinId].sort());

    // Reflect, answer the 360 and the survey (as their cards do), read the bulletin.
    expect((await call(amira, "post", `/api/observations/${observationId}/reflection`, { reflection: "I will slow down when I explain the plan." }, observation.etag)).status).toBe(200);
    await new Feedback360(app.store).answer(roundId, await person(amira), [{ questionKey: "regular", rating: 4 }], "");
    await new WorkforceVoice(app.store).answer(surveyId, "", { [answerInputName("workload")]: "4" }, await person(amira));
    expect((await call(amira, "post", `/api/bulletins/${bulletinId}/read`, {})).status).toBe(200);

    const after = (await waitingFor(amira)).map((entry) => entry.id);
    for (const id of newIds) expect(after).not.toContain(id);
  });
});
