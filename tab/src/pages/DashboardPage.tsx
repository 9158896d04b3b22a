// #/dashboard (also the channel tab's content page): the QA dashboard for the
// signed-in person, with its filters in the address's query so a view can
// be shared. The dashboard itself lives in ../dashboard/.
import { useCallback } from "react";
import { DashboardView } from "../dashboard/DashboardView";
import { auditListHref } from "../routes";
import { useSession } from "../session/session-context";
import { useHashQuery } from "../use-hash-route";

export function DashboardPage() {
  const { api } = useSession();
  const query = useHashQuery();
  const { update } = query;
  // Filters replace the history entry: Back leaves the dashboard rather than stepping through each filter.
  const onQueryChange = useCallback((next: Record<string, string | undefined>) => update(next), [update]);
  return <DashboardView api={api} query={query} onQueryChange={onQueryChange} auditListHref={auditListHref} />;
}
