// #/performance: every KPI with its trend, target band, RAG status and DfE
// comparators, and the data confidence beside each chart; the authority whose
// published figures are the comparators (the QA lead chooses it); focused
// audits the KPI rules propose. ?place=team:<id> | service:<id> shows one
// team's or service's figures instead of the whole authority's.
import { Button, Field, Link, makeStyles, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { hrefFor } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { FocusedAuditProposals } from "./FocusedAuditProposals";
import { KpiDefinitionDialog } from "./KpiDefinitionDialog";
import { KpiPanel } from "./KpiPanel";
import type { ComparatorAuthority, Kpi, KpiReport } from "./performance-words";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalL },
  // A select is as wide as its longest option unless held to the page's width.
  field: { minWidth: "min(240px, 100%)", maxWidth: "100%", "& .fui-Select, & select": { maxWidth: "100%", minWidth: 0 } },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalM },
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
});

interface Place {
  id: string;
  name: string;
  serviceId?: string;
}

interface Authorities extends ComparatorAuthority {
  authorities: { laCode: string; name: string; regionName: string }[];
}

/** The whole authority's report holds every place's figures, for the table by service and team. */
function placeQuery(place: string): Record<string, string> {
  if (place.startsWith("team:")) return { teamId: place.slice(5), level: "team" };
  if (place.startsWith("service:")) return { serviceId: place.slice(8), level: "service" };
  return {};
}

function placeLevel(place: string): "team" | "service" | "authority" {
  return place.startsWith("team:") ? "team" : place.startsWith("service:") ? "service" : "authority";
}

export function PerformancePage() {
  const styles = useStyles();
  const session = useSession();
  const query = useHashQuery();
  const place = query.get("place") ?? "";
  const isQaLead = session.me.roles.includes("qa_lead");
  const comparatorHeading = useId();

  const places = useApiData(
    async (api) => ({
      teams: (await api.get<{ teams: Place[] }>("/api/teams")).body.teams,
      services: (await api.get<{ services: Place[] }>("/api/services")).body.services,
    }),
    [],
  );
  const settings = useApiData(async (api) => {
    const { body, etag } = await api.get<Authorities>("/api/performance/comparator-authority");
    return { ...body, etag };
  }, []);
  const reports = useApiData(async (api) => {
    const { body } = await api.get<{ kpis: Kpi[] }>("/api/performance/kpis");
    return Promise.all(body.kpis.map(async (kpi) => (await api.get<KpiReport>(`/api/performance/kpis/${encodeURIComponent(kpi.id)}`, placeQuery(place))).body));
  }, [place, settings.state.kind === "ok" ? settings.state.data.laCode : ""]);

  const allTeams = places.state.kind === "ok" ? places.state.data.teams : [];
  const placeName = (() => {
    if (places.state.kind !== "ok" || place === "") return "Whole authority";
    const [kind, id] = place.split(":");
    const list = kind === "team" ? places.state.data.teams : places.state.data.services;
    return list.find((candidate) => candidate.id === id)?.name ?? "Whole authority";
  })();

  return (
    <>
      <PageText>
        Our key performance indicators month by month, against their targets and the Department for Education's published figures. Beside each chart: how far the figures can be trusted.
      </PageText>
      <div className={styles.links}>
        {isQaLead && <Link href={hrefFor("performance-import")}>Import a month of KPI values</Link>}
        {isQaLead && <KpiDefinitionDialog onSaved={reports.reload} />}
        <Link href={hrefFor("triangulation")}>Triangulate: KPIs beside audits, moderation and feedback</Link>
      </div>

      <section className={styles.section} aria-labelledby={comparatorHeading}>
        <Subtitle1 as="h3" id={comparatorHeading} className={styles.heading}>
          Compared with
        </Subtitle1>
        {settings.state.kind === "loading" && <Loading label="Finding the comparator authority…" />}
        {settings.state.kind === "error" && <LoadError message={settings.state.message} onRetry={settings.reload} />}
        {settings.state.kind === "ok" && <ComparatorChoice settings={settings.state.data} canChoose={isQaLead} onChosen={settings.reload} />}
      </section>

      <div className={styles.bar}>
        <Field label="Show figures for" className={styles.field}>
          <Select value={place} onChange={(_, data) => query.update({ place: data.value || undefined })}>
            <option value="">Whole authority</option>
            {places.state.kind === "ok" &&
              places.state.data.services.map((service) => (
                <optgroup key={service.id} label={service.name}>
                  <option value={`service:${service.id}`}>{service.name} (whole service)</option>
                  {allTeams
                    .filter((team) => team.serviceId === service.id)
                    .map((team) => (
                      <option key={team.id} value={`team:${team.id}`}>
                        {team.name}
                      </option>
                    ))}
                </optgroup>
              ))}
          </Select>
        </Field>
      </div>

      <FocusedAuditProposals canDecide={isQaLead} />

      {reports.state.kind === "loading" && <Loading label="Loading the KPIs…" />}
      {reports.state.kind === "error" && <LoadError message={reports.state.message} onRetry={reports.reload} />}
      {reports.state.kind === "ok" &&
        reports.state.data.map((report) => (
          <KpiPanel
            key={report.kpi.id}
            report={report}
            placeLevel={placeLevel(place)}
            placeName={placeName}
            canRate={isQaLead}
            onRated={(kpi) => reports.update((current) => current.map((entry) => (entry.kpi.id === kpi.id ? { ...entry, kpi } : entry)))}
            onTargetChanged={reports.reload}
          />
        ))}
    </>
  );
}

function ComparatorChoice({ settings, canChoose, onChosen }: { settings: Authorities & { etag?: string }; canChoose: boolean; onChosen: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [choice, setChoice] = useState(settings.laCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const regions = [...new Set(settings.authorities.map((authority) => authority.regionName))];
  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await api.send("PATCH", "/api/performance/comparator-authority", { body: { laCode: choice }, ifMatch: settings.etag });
      onChosen();
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageText>
        Published figures for {settings.authorityName} ({settings.laCode}){settings.isDefault ? ", the default until the QA lead chooses" : ""}, beside the {settings.regionName || "its"} region, England and {settings.authorityName}'s ten statistical neighbours. Suppressed figures show as "not published", never as zero.
      </PageText>
      {canChoose && (
        <div className={styles.bar}>
          <Field label="Our local authority code" className={styles.field} validationMessage={error}>
            <Select value={choice} onChange={(_, data) => setChoice(data.value)}>
              {regions.map((region) => (
                <optgroup key={region} label={region}>
                  {settings.authorities
                    .filter((authority) => authority.regionName === region)
                    .map((authority) => (
                      <option key={authority.laCode} value={authority.laCode}>
                        {authority.name} ({authority.laCode})
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={busy || choice === settings.laCode} onClick={() => void save()}>
            {busy ? "Saving…" : "Use this authority"}
          </Button>
        </div>
      )}
    </>
  );
}
