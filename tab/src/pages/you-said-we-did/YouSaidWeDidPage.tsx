// #/you-said-we-did/<id> (or /new): the PSW
// writes one — the theme, what children and families said, and each change
// with the actions that evidence it — posts it to staff channels, and opens
// the plain-language page to print for children and families.
import { Button, Checkbox, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Action } from "../../api/types";
import { AdaptiveCardView } from "../../components/AdaptiveCardView";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { hrefFor, youSaidWeDidHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { allPages, problemMessage, useApiData } from "../../session/use-api-data";
import { canWriteBulletins, formatWhen, type Channel } from "../bulletins/bulletin-words";
import { useDocumentTitle } from "../programmes/shared-parts";
import { emptyUpdate, type YouSaidWeDid, type YouSaidWeDidBody } from "./you-said-we-did-words";

const useStyles = makeStyles({
  layout: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXL, marginTop: tokens.spacingVerticalL, alignItems: "flex-start" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, flexGrow: 1, flexBasis: "340px", minWidth: 0, maxWidth: "560px" },
  side: { flexGrow: 1, flexBasis: "320px", minWidth: 0 },
  weDid: { margin: 0, padding: tokens.spacingHorizontalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

/** A compliment or complaint from the feedback register, as the chooser shows it. */
interface RegisterEntry {
  id: string;
  type: "compliment" | "complaint";
  theme: string;
  receivedOn: string;
  teamName: string | null;
}

interface Loaded {
  update?: YouSaidWeDid;
  actions: Action[];
  channels: Channel[];
  feedback: RegisterEntry[];
}

export function YouSaidWeDidPage({ updateId, focusHeading }: { updateId: string; focusHeading: boolean }) {
  const { me } = useSession();
  const isNew = updateId === "new";
  const { state, reload } = useApiData<Loaded>(
    async (api) => {
      const writer = canWriteBulletins(me.roles);
      const [update, actions, channels, feedback] = await Promise.all([
        isNew ? undefined : api.get<YouSaidWeDid>(`/api/you-said-we-did/${encodeURIComponent(updateId)}`),
        writer ? allPages<Action>(api, "/api/actions", "actions") : Promise.resolve([]),
        api.get<{ channels: Channel[] }>("/api/bulletin-channels"),
        writer ? api.get<{ feedback: RegisterEntry[] }>("/api/feedback").then((answer) => answer.body.feedback) : Promise.resolve([]),
      ]);
      return { update: update ? { ...update.body, etag: update.etag ?? update.body.etag } : undefined, actions, channels: channels.body.channels, feedback };
    },
    [updateId],
  );
  const title = isNew ? 'Write a "you said, we did" update' : state.kind === "ok" && state.data.update ? `You said, we did: ${state.data.update.theme}` : "You said, we did";
  useDocumentTitle(title);
  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      <PageText>
        <a href={hrefFor("you-said-we-did")}>All updates</a>
      </PageText>
      {state.kind === "loading" && <Loading label="Opening the update…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" &&
        (canWriteBulletins(me.roles) && state.data.update?.status !== "published" ? (
          <UpdateForm loaded={state.data} onSaved={reload} />
        ) : state.data.update ? (
          <PublishedUpdate update={state.data.update} />
        ) : (
          <PageText>Only the principal social worker and the QA lead write these updates.</PageText>
        ))}
    </>
  );
}

function registerLabel(entry: RegisterEntry): string {
  const kind = entry.type === "compliment" ? "Compliment" : "Complaint";
  return `${kind}: ${entry.theme} (received ${entry.receivedOn}${entry.teamName ? `, ${entry.teamName}` : ""})`;
}

/** Opens the family page (fetched with the user's sign-in) in a new window, ready to print. */
function useFamilyPage(updateId: string | undefined) {
  const { api } = useSession();
  const [problem, setProblem] = useState<string>();
  async function open() {
    if (!updateId) return;
    try {
      const file = await api.getFile(`/api/you-said-we-did/${encodeURIComponent(updateId)}/page`);
      const url = URL.createObjectURL(new Blob([await file.blob.text()], { type: "text/html" }));
      window.open(url, "_blank", "noopener");
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setProblem(problemMessage(error));
    }
  }
  return { open, problem };
}

function UpdateForm({ loaded, onSaved }: { loaded: Loaded; onSaved: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [body, setBody] = useState<YouSaidWeDidBody>(loaded.update ?? emptyUpdate);
  const [etag, setEtag] = useState(loaded.update?.etag);
  const [message, setMessage] = useState<{ text: string; tone: "success" | "error" }>();
  const familyPage = useFamilyPage(loaded.update?.id);
  const actionLabel = (action: Action) => `${action.title} (${action.status.replace("_", " ")})`;

  const setWeDid = (index: number, change: Partial<YouSaidWeDidBody["weDid"][number]>) =>
    setBody((current) => ({ ...current, weDid: current.weDid.map((entry, at) => (at === index ? { ...entry, ...change } : entry)) }));

  async function save(): Promise<YouSaidWeDid | undefined> {
    try {
      const answer = loaded.update
        ? await api.send<YouSaidWeDid>("PATCH", `/api/you-said-we-did/${encodeURIComponent(loaded.update.id)}`, { body, ifMatch: etag })
        : await api.send<YouSaidWeDid>("POST", "/api/you-said-we-did", { body });
      setEtag(answer.etag);
      return { ...answer.body, etag: answer.etag ?? answer.body.etag };
    } catch (error) {
      setMessage({ text: problemMessage(error), tone: "error" });
      return undefined;
    }
  }

  async function saveDraft() {
    const saved = await save();
    if (!saved) return;
    if (!loaded.update) window.location.hash = youSaidWeDidHref(saved.id);
    else setMessage({ text: "Draft saved.", tone: "success" });
  }

  async function publish() {
    const saved = await save();
    if (!saved) return;
    try {
      await api.send("POST", `/api/you-said-we-did/${encodeURIComponent(saved.id)}/publish`, { ifMatch: saved.etag });
      if (loaded.update) onSaved();
      else window.location.hash = youSaidWeDidHref(saved.id);
    } catch (error) {
      setMessage({ text: problemMessage(error), tone: "error" });
    }
  }

  return (
    <div className={styles.layout}>
      <form className={styles.form} onSubmit={(event) => event.preventDefault()} aria-label="You said, we did">
        <PageText>Write in plain words a child could read. Never name a child, a family or a case: this page is shared with children and families.</PageText>
        <Field label="Theme" required>
          <Input value={body.theme} onChange={(_, data) => setBody({ ...body, theme: data.value })} maxLength={120} />
        </Field>
        <Field label="You said: what children and families told us" required>
          <Textarea value={body.youSaid} onChange={(_, data) => setBody({ ...body, youSaid: data.value })} maxLength={1500} resize="vertical" />
        </Field>
        <Field label="What we think (optional)">
          <Textarea value={body.response} onChange={(_, data) => setBody({ ...body, response: data.value })} maxLength={1500} resize="vertical" />
        </Field>
        <Field label="The compliments and complaints it comes from (optional)" hint="From the feedback register. Families see only how many.">
          <Dropdown
            multiselect
            placeholder="Choose from the register"
            selectedOptions={body.feedbackIds}
            value={loaded.feedback.filter((entry) => body.feedbackIds.includes(entry.id)).map(registerLabel).join("; ")}
            onOptionSelect={(_, data) => setBody({ ...body, feedbackIds: data.selectedOptions })}
          >
            {loaded.feedback.map((entry) => (
              <Option key={entry.id} value={entry.id} text={registerLabel(entry)}>
                {registerLabel(entry)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {body.weDid.map((entry, index) => (
          <fieldset key={index} className={styles.weDid}>
            <legend className={styles.legend}>We did ({index + 1})</legend>
            <Field label="What we did" required>
              <Textarea value={entry.text} onChange={(_, data) => setWeDid(index, { text: data.value })} maxLength={600} resize="vertical" />
            </Field>
            <Field label="The actions that show it" required hint="Choose one or more actions from the action tracker">
              <Dropdown
                multiselect
                placeholder="Choose actions"
                selectedOptions={entry.actionIds}
                value={loaded.actions.filter((action) => entry.actionIds.includes(action.id)).map(actionLabel).join("; ")}
                onOptionSelect={(_, data) => setWeDid(index, { actionIds: data.selectedOptions })}
              >
                {loaded.actions.map((action) => (
                  <Option key={action.id} value={action.id} text={actionLabel(action)}>
                    {actionLabel(action)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {body.weDid.length > 1 && (
              <Button onClick={() => setBody({ ...body, weDid: body.weDid.filter((_, at) => at !== index) })}>Remove this</Button>
            )}
          </fieldset>
        ))}
        <div className={styles.buttons}>
          <Button onClick={() => setBody({ ...body, weDid: [...body.weDid, { text: "", actionIds: [] }] })}>Add something we did</Button>
        </div>
        <fieldset className={styles.weDid}>
          <legend className={styles.legend}>Post in these staff channels</legend>
          {loaded.channels.length === 0 && <PageText>Golden Thread has not been added to any team yet.</PageText>}
          {loaded.channels.map((channel) => (
            <Checkbox
              key={channel.id}
              label={channel.name}
              checked={body.channelIds.includes(channel.id)}
              onChange={(_, data) => setBody({ ...body, channelIds: data.checked === true ? [...body.channelIds, channel.id] : body.channelIds.filter((id) => id !== channel.id) })}
            />
          ))}
        </fieldset>
        {(message ?? familyPage.problem) && (
          <MessageBar intent={message?.tone ?? "error"} role={message?.tone === "success" ? "status" : "alert"}>
            <MessageBarBody>{message?.text ?? familyPage.problem}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button onClick={saveDraft}>Save draft</Button>
          {loaded.update && <Button onClick={familyPage.open}>Open the page for families</Button>}
          <Button appearance="primary" onClick={publish}>
            Publish
          </Button>
        </div>
      </form>
      {loaded.update?.card !== undefined && (
        <section className={styles.side} aria-label="The staff card">
          <h3>The staff card (as last saved)</h3>
          <AdaptiveCardView card={loaded.update.card} label="The staff card" />
        </section>
      )}
    </div>
  );
}

function PublishedUpdate({ update }: { update: YouSaidWeDid }) {
  const styles = useStyles();
  const familyPage = useFamilyPage(update.id);
  return (
    <div className={styles.layout}>
      <div className={styles.form}>
        <PageText>Published {formatWhen(update.publishedAt)}.</PageText>
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={familyPage.open}>
            Open the page for families
          </Button>
        </div>
        {familyPage.problem && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{familyPage.problem}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <section className={styles.side} aria-label="The staff card">
        <h3>The staff card</h3>
        <AdaptiveCardView card={update.card} label="The staff card" />
      </section>
    </div>
  );
}
