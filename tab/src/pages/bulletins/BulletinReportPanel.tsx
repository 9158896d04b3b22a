// Who a sent bulletin reached: delivered, failed, not installed, waiting and
// read counts, a progress bar while cards are still going out (looking again
// every couple of seconds), and for a team's managers who has not read it.
import { Field, ProgressBar } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useSession } from "../../session/session-context";
import { problemMessage } from "../../session/use-api-data";
import { usePartStyles } from "../programmes/shared-parts";
import { useBulletinStyles } from "./bulletin-styles";
import type { BulletinReport } from "./bulletin-words";

const sendingPollMs = 2000;

export function BulletinReportPanel({ bulletinId }: { bulletinId: string }) {
  const styles = useBulletinStyles();
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
