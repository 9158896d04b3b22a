// #/bulletins/<id> (and #/bulletins/new): the PSW writes a bulletin beside a
// live preview of the very card the bot will post, then sends it now or at
// a set time to team channels and staff chats. Once sent, everyone sees the
// card and can mark it read; the PSW and managers see how far it has got
// (updating while it sends), and a team's managers see who has not read it.
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Audit, Team } from "../../api/types";
import { AdaptiveCardView } from "../../components/AdaptiveCardView";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { bulletinHref, hrefFor } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import type { Programme } from "../programmes/programme-words";
import { usePartStyles, useDocumentTitle } from "../programmes/shared-parts";
import {
  bodyFrom,
  canWriteBulletins,
  emptyForm,
  formatWhen,
  formFrom,
  stateWords,
  type Bulletin,
  type BulletinForm,
  type BulletinReport,
  type Channel,
} from "./bulletin-words";

const useStyles = makeStyles({
  layout: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXL, marginTop: tokens.spacingVerticalL, alignItems: "flex-start" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, flexGrow: 1, flexBasis: "340px", minWidth: 0, maxWidth: "560px" },
  preview: { flexGrow: 1, flexBasis: "320px", minWidth: 0, position: "sticky", top: tokens.spacingVerticalL },
  group: { margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  options: { display: "flex", flexDirection: "column" },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  counts: { display: "grid", gridTemplateColumns: "max-content max-content", columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS, margin: 0, marginTop: tokens.spacingVerticalM },
});

interface Choices {
  channels: Channel[];
  teams: Team[];
  audits: Audit[];
  programmes: Programme[];
}

export function BulletinPage({ bulletinId, focusHeading }: { bulletinId: string; focusHeading: boolean }) {
  const { me } = useSession();
  const isNew = bulletinId === "new";
  const { state, reload } = useApiData(
    async (api) => {
      const bulletin = isNew ? undefined : await api.get<Bulletin>(`/api/bulletins/${encodeURIComponent(bulletinId)}`);
      return bulletin ? { ...bulletin.body, etag: bulletin.etag ?? bulletin.body.etag } : undefined;
    },
    [bulletinId],
  );
  const title = isNew ? "Write a learning bulletin" : state.kind === "ok" && state.data ? state.data.title : "Learning bulletin";
  useDocumentTitle(title);
  const writer = canWriteBulletins(me.roles);
  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      <PageText>
        <a href={hrefFor("bulletins")}>All bulletins</a>
      </PageText>
      {state.kind === "loading" && <Loading label="Opening the bulletin…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" &&
        (writer && (!state.data || state.data.state === "draft") ? (
          <Composer bulletin={state.data} onPublished={reload} />
        ) : state.data ? (
          <SentBulletin bulletin={state.data} onChanged={reload} />
        ) : (
          <PageText>Only the principal social worker and the QA lead write learning bulletins.</PageText>
        ))}
    </>
  );
}

function Composer({ bulletin, onPublished }: { bulletin: Bulletin | undefined; onPublished: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [form, setForm] = useState<BulletinForm>(bulletin ? formFrom(bulletin) : emptyForm);
  const [etag, setEtag] = useState(bulletin?.etag);
  const [preview, setPreview] = useState<{ card?: unknown; problem?: string }>({});
  const [message, setMessage] = useState<{ text: string; tone: "success" | "error" } | undefined>();
  const [sendAt, setSendAt] = useState("");
  const [busy, setBusy] = useState(false);
  const choices = useApiData<Choices>(async (client) => {
    const [channels, teams, audits, programmes] = await Promise.all([
      client.get<{ channels: Channel[] }>("/api/bulletin-channels"),
      client.get<{ teams: Team[] }>("/api/teams"),
      client.get<{ audits: Audit[] }>("/api/audits", { status: "completed", limit: 200 }),
      client.get<{ programmes: Programme[] }>("/api/audit-programmes"),
    ]);
    return { channels: channels.body.channels, teams: teams.body.teams, audits: audits.body.audits, programmes: programmes.body.programmes };
  }, []);

  // The preview is the server's card for what is typed now, a moment after typing stops.
  useEffect(() => {
    if (!form.title.trim()) {
      setPreview({ problem: "Give the bulletin a title to see its card." });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.send<{ card: unknown }>("POST", "/api/bulletins/preview", { body: bodyFrom(form) }).then(
        (answer) => live && setPreview({ card: answer.body.card }),
        (error: unknown) => live && setPreview((current) => ({ card: current.card, problem: problemMessage(error) })),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, form]);

  const set = <K extends keyof BulletinForm>(field: K, value: BulletinForm[K]) => setForm((current) => ({ ...current, [field]: value }));
  const toggle = (field: "channelIds" | "teamIds" | "auditIds" | "programmeIds", id: string, on: boolean) =>
    setForm((current) => ({ ...current, [field]: on ? [...current[field], id] : current[field].filter((value) => value !== id) }));

  async function save(): Promise<{ id: string; etag: string } | undefined> {
    try {
      const answer = bulletin
        ? await api.send<Bulletin>("PATCH", `/api/bulletins/${encodeURIComponent(bulletin.id)}`, { body: bodyFrom(form), ifMatch: etag })
        : await api.send<Bulletin>("POST", "/api/bulletins", { body: bodyFrom(form) });
      setEtag(answer.etag);
      return { id: answer.body.id, etag: answer.etag ?? answer.body.etag };
    } catch (error) {
      setMessage({ text: problemMessage(error), tone: "error" });
      return undefined;
    }
  }

  async function saveDraft() {
    setBusy(true);
    const saved = await save();
    setBusy(false);
    if (!saved) return;
    if (!bulletin) window.location.hash = bulletinHref(saved.id);
    else setMessage({ text: "Draft saved.", tone: "success" });
  }

  async function publish() {
    setBusy(true);
    const saved = await save();
    if (saved) {
      try {
        const at = sendAt ? new Date(sendAt).toISOString() : undefined;
        await api.send("POST", `/api/bulletins/${encodeURIComponent(saved.id)}/publish`, { body: at ? { at } : {}, ifMatch: saved.etag });
        // A new bulletin opens at its own address; one already there loads again as sent.
        if (bulletin) onPublished();
        else window.location.hash = bulletinHref(saved.id);
      } catch (error) {
        setMessage({ text: problemMessage(error), tone: "error" });
      }
    }
    setBusy(false);
  }

  const loaded = choices.state.kind === "ok" ? choices.state.data : undefined;
  return (
    <div className={styles.layout}>
      <form className={styles.form} onSubmit={(event) => event.preventDefault()} aria-label="Bulletin">
        <Field label="Title" required>
          <Input value={form.title} onChange={(_, data) => set("title", data.value)} maxLength={150} />
        </Field>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Layout</legend>
          <RadioGroup value={form.layout} onChange={(_, data) => set("layout", data.value as BulletinForm["layout"])}>
            <Radio value="standard" label="Learning bulletin" />
            <Radio value="seven_minute_briefing" label="Seven-minute briefing (numbered sections staff can read in seven minutes)" />
          </RadioGroup>
        </fieldset>
        <Field label={form.layout === "seven_minute_briefing" ? "Background" : "Summary"}>
          <Textarea value={form.summary} onChange={(_, data) => set("summary", data.value)} maxLength={2000} resize="vertical" />
        </Field>
        {form.layout === "seven_minute_briefing" && (
          <Field label="Why it matters">
            <Textarea value={form.whyItMatters} onChange={(_, data) => set("whyItMatters", data.value)} maxLength={1500} resize="vertical" />
          </Field>
        )}
        <Field label="Key messages" hint="One per line">
          <Textarea value={form.keyMessages} onChange={(_, data) => set("keyMessages", data.value)} resize="vertical" />
        </Field>
        <Field label="Questions to reflect on" hint="One per line">
          <Textarea value={form.reflectionQuestions} onChange={(_, data) => set("reflectionQuestions", data.value)} resize="vertical" />
        </Field>
        <Field label="What to do" hint="One step per line">
          <Textarea value={form.whatToDo} onChange={(_, data) => set("whatToDo", data.value)} resize="vertical" />
        </Field>
        <Field label="Themes" hint="Separated by commas">
          <Input value={form.themes} onChange={(_, data) => set("themes", data.value)} />
        </Field>
        <Field label="Links" hint="One per line: title | https://address">
          <Textarea value={form.links} onChange={(_, data) => set("links", data.value)} resize="vertical" />
        </Field>
        {choices.state.kind === "error" && <LoadError message={choices.state.message} onRetry={choices.reload} />}
        {loaded && (
          <>
            <fieldset className={styles.group}>
              <legend className={styles.legend}>What it draws on</legend>
              <div className={styles.options}>
                {loaded.programmes.map((programme) => (
                  <Checkbox key={programme.id} label={`Audit programme: ${programme.name}`} checked={form.programmeIds.includes(programme.id)} onChange={(_, data) => toggle("programmeIds", programme.id, data.checked === true)} />
                ))}
                {loaded.audits.map((audit) => (
                  <Checkbox key={audit.id} label={`Audit of ${audit.caseReference ?? "a case"}`} checked={form.auditIds.includes(audit.id)} onChange={(_, data) => toggle("auditIds", audit.id, data.checked === true)} />
                ))}
              </div>
            </fieldset>
            <Field label="Reviews it draws on" hint="Their references only, one per line (for example LCSPR 2026/03). Never a child's name.">
              <Textarea value={form.reviews} onChange={(_, data) => set("reviews", data.value)} resize="vertical" />
            </Field>
            <fieldset className={styles.group}>
              <legend className={styles.legend}>Post in these team channels</legend>
              {loaded.channels.length === 0 ? (
                <PageText>Golden Thread has not been added to any team yet. Add the app to a team to post there.</PageText>
              ) : (
                <div className={styles.options}>
                  {loaded.channels.map((channel) => (
                    <Checkbox key={channel.id} label={channel.name} checked={form.channelIds.includes(channel.id)} onChange={(_, data) => toggle("channelIds", channel.id, data.checked === true)} />
                  ))}
                </div>
              )}
            </fieldset>
            <fieldset className={styles.group}>
              <legend className={styles.legend}>For these teams (we count who has read it)</legend>
              <div className={styles.options}>
                {loaded.teams.map((team) => (
                  <Checkbox key={team.id} label={team.name} checked={form.teamIds.includes(team.id)} onChange={(_, data) => toggle("teamIds", team.id, data.checked === true)} />
                ))}
              </div>
            </fieldset>
            <Checkbox label="Also send each person in these teams the card in their own chat" checked={form.personalChats} onChange={(_, data) => set("personalChats", data.checked === true)} />
          </>
        )}
        {message && (
          <MessageBar intent={message.tone} role={message.tone === "error" ? "alert" : "status"}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button onClick={saveDraft} disabled={busy}>
            Save draft
          </Button>
          <Field label="Send at (leave empty to send now)">
            <Input type="datetime-local" value={sendAt} onChange={(_, data) => setSendAt(data.value)} />
          </Field>
          <Button appearance="primary" onClick={publish} disabled={busy}>
            {sendAt ? "Schedule" : "Send now"}
          </Button>
        </div>
      </form>
      <section className={styles.preview} aria-label="Preview">
        <h3>Preview: the card as it will be posted</h3>
        {preview.problem && (
          <MessageBar intent="warning">
            <MessageBarBody>{preview.problem}</MessageBarBody>
          </MessageBar>
        )}
        {preview.card !== undefined && <AdaptiveCardView card={preview.card} label="Card preview" />}
      </section>
    </div>
  );
}

function SentBulletin({ bulletin, onChanged }: { bulletin: Bulletin; onChanged: () => void }) {
  const styles = useStyles();
  const parts = usePartStyles();
  const { api, me } = useSession();
  const [readAt, setReadAt] = useState(bulletin.readAt);
  const [problem, setProblem] = useState<string>();
  const mayReport = canWriteBulletins(me.roles) || me.scope !== "own";

  async function markRead() {
    try {
      const answer = await api.send<{ readAt: string | null }>("POST", `/api/bulletins/${encodeURIComponent(bulletin.id)}/read`);
      setReadAt(answer.body.readAt);
    } catch (error) {
      setProblem(problemMessage(error));
    }
  }

  async function cancelSchedule() {
    try {
      await api.send("POST", `/api/bulletins/${encodeURIComponent(bulletin.id)}/cancel-schedule`, { ifMatch: bulletin.etag });
      onChanged();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  }

  return (
    <div className={styles.layout}>
      <div className={styles.form}>
        <dl className={parts.facts}>
          <dt className={parts.term}>Status</dt>
          <dd className={parts.detail}>{stateWords[bulletin.state]}</dd>
          <dt className={parts.term}>{bulletin.state === "scheduled" ? "Goes out" : "Sent"}</dt>
          <dd className={parts.detail}>{formatWhen(bulletin.publishAt)}</dd>
        </dl>
        {problem && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {bulletin.state === "published" &&
          (readAt ? (
            <PageText>You marked this as read on {formatWhen(readAt)}.</PageText>
          ) : (
            <div className={parts.buttons}>
              <Button appearance="primary" onClick={markRead}>
                I've read this
              </Button>
            </div>
          ))}
        {bulletin.state === "scheduled" && canWriteBulletins(me.roles) && (
          <div className={parts.buttons}>
            <Button onClick={cancelSchedule}>Cancel the schedule and edit</Button>
          </div>
        )}
        {mayReport && bulletin.state !== "draft" && <Report bulletinId={bulletin.id} />}
      </div>
      <section className={styles.preview} aria-label="The card">
        <h3>The card as posted</h3>
        <AdaptiveCardView card={bulletin.card} label="The bulletin's card" />
      </section>
    </div>
  );
}

const sendingPollMs = 2000;

function Report({ bulletinId }: { bulletinId: string }) {
  const styles = useStyles();
  const parts = usePartStyles();
  const { api } = useSession();
  const [report, setReport] = useState<BulletinReport>();
  const [problem, setProblem] = useState<string>();

  // While cards are still going out, look again every couple of seconds.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      api.get<BulletinReport>(`/api/bulletins/${encodeURIComponent(bulletinId)}/report`).then(
        (answer) => {
          if (!live) return;
          setReport(answer.body);
          const waiting = answer.body.channels.waiting + answer.body.personal.waiting;
          if (waiting > 0 && answer.body.state === "published") timer = setTimeout(load, sendingPollMs);
        },
        (error: unknown) => live && setProblem(problemMessage(error)),
      );
    void load();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, bulletinId]);

  if (problem) return <LoadError message={problem} />;
  if (!report) return <Loading label="Counting deliveries…" />;
  const total = report.channels.total + report.personal.total;
  const waiting = report.channels.waiting + report.personal.waiting;
  const done = total - waiting;
  const sum = (field: "delivered" | "failed" | "notInstalled") => report.channels[field] + report.personal[field];
  return (
    <section className={parts.section} aria-labelledby="delivery-heading">
      <h3 id="delivery-heading" className={parts.sectionHeading}>
        Who it reached
      </h3>
      {waiting > 0 && report.state === "published" && (
        <Field label={`Sending: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} cards`} validationState="none">
          <ProgressBar value={total === 0 ? 0 : done / total} max={1} thickness="large" />
        </Field>
      )}
      <dl className={styles.counts} aria-label="Delivery and read counts">
        <dt>Delivered</dt>
        <dd>{sum("delivered")}</dd>
        <dt>Failed</dt>
        <dd>{sum("failed")}</dd>
        <dt>Not installed</dt>
        <dd>{sum("notInstalled")}</dd>
        <dt>Waiting to send</dt>
        <dd>{waiting}</dd>
        <dt>Read</dt>
        <dd>
          {report.read} of {report.readers} readers
        </dd>
      </dl>
      {report.channelPosts.length > 0 && (
        <PageText>Channel posts: {report.channelPosts.map((post) => `${post.channelName} (${post.status === "sent" ? "posted" : post.status.replace("_", " ")})`).join("; ")}</PageText>
      )}
      {report.unreadByTeam.map((team) => (
        <div key={team.teamId}>
          <h4>Not yet read in {team.teamName}</h4>
          <ul>
            {team.people.map((person) => (
              <li key={person.id}>{person.name}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
