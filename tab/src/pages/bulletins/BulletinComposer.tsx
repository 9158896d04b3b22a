// The PSW writes a bulletin beside a live preview of the very card the bot
// will post (the server renders it; the Adaptive Cards library draws it),
// then sends it now or schedules it.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Audit, Team } from "../../api/types";
import { AdaptiveCardView } from "../../components/AdaptiveCardView";
import { LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { bulletinHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import type { Programme } from "../programmes/programme-words";
import { useBulletinStyles } from "./bulletin-styles";
import { bodyFrom, emptyForm, formFrom, type Bulletin, type BulletinForm, type Channel } from "./bulletin-words";

interface Choices {
  channels: Channel[];
  teams: Team[];
  audits: Audit[];
  programmes: Programme[];
}

export function BulletinComposer({ bulletin, onPublished }: { bulletin: Bulletin | undefined; onPublished: () => void }) {
  const styles = useBulletinStyles();
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
  const toggle = (field: "channelIds" | "teamIds" | "auditIds" | "findings" | "programmeIds", id: string, on: boolean) =>
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
                  <div key={audit.id} className={styles.options}>
                    <Checkbox label={`Audit of ${audit.caseReference ?? "a case"}`} checked={form.auditIds.includes(audit.id)} onChange={(_, data) => toggle("auditIds", audit.id, data.checked === true)} />
                    {(["workingWell", "needsToBeBetter"] as const).flatMap((list) =>
                      audit.findings[list].map((finding, index) => {
                        const key = `${audit.id}|${list}:${index}`;
                        return (
                          <Checkbox
                            key={key}
                            className={styles.finding}
                            label={`${list === "workingWell" ? "Working well" : "Needs to be better"}: ${finding}`}
                            checked={form.findings.includes(key)}
                            onChange={(_, data) => toggle("findings", key, data.checked === true)}
                          />
                        );
                      }),
                    )}
                  </div>
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

