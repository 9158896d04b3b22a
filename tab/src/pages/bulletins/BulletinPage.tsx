// #/bulletins/<id> (and #/bulletins/new): the PSW writes a bulletin beside a
// live preview of the very card the bot will post, then sends it now or at
// a set time to team channels and staff chats. Once sent, everyone sees the
// card and can mark it read; the PSW and managers see how far it has got
// (updating while it sends), and a team's managers see who has not read it.
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { AdaptiveCardView } from "../../components/AdaptiveCardView";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { hrefFor } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { usePartStyles, useDocumentTitle } from "../programmes/shared-parts";
import { BulletinComposer } from "./BulletinComposer";
import { BulletinReportPanel } from "./BulletinReportPanel";
import { useBulletinStyles } from "./bulletin-styles";
import { canWriteBulletins, formatWhen, stateWords, type Bulletin } from "./bulletin-words";

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
          <BulletinComposer bulletin={state.data} onPublished={reload} />
        ) : state.data ? (
          <SentBulletin bulletin={state.data} onChanged={reload} />
        ) : (
          <PageText>Only the principal social worker and the QA lead write learning bulletins.</PageText>
        ))}
    </>
  );
}

function SentBulletin({ bulletin, onChanged }: { bulletin: Bulletin; onChanged: () => void }) {
  const styles = useBulletinStyles();
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
        {mayReport && bulletin.state !== "draft" && <BulletinReportPanel bulletinId={bulletin.id} />}
      </div>
      <section className={styles.preview} aria-label="The card">
        <h3>The card as posted</h3>
        <AdaptiveCardView card={bulletin.card} label="The bulletin's card" />
      </section>
    </div>
  );
}

