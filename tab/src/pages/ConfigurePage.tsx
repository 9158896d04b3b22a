import { useEffect, useState } from "react";
import { enableChannelTabSave, type ChannelTabConfigState } from "../channel-tab-config";
import { PageText } from "../components/PageText";
import type { TabHost } from "../teams-host";

/**
 * #/configure: Teams shows this when someone adds Golden Thread to a channel.
 * Saving adds a channel tab that opens the team dashboard.
 */
export function ConfigurePage({ host }: { host: TabHost }) {
  const [state, setState] = useState<ChannelTabConfigState | "browser">(host.kind === "browser" ? "browser" : "unsupported");

  useEffect(() => {
    if (host.kind !== "teams") return;
    try {
      setState(enableChannelTabSave());
    } catch {
      // Not in Teams' tab set-up dialog (e.g. opened as a normal tab).
      setState("unsupported");
    }
  }, [host]);

  switch (state) {
    case "ready":
      return (
        <>
          <PageText>Select Save to add Golden Thread to this channel.</PageText>
          <PageText>The tab will show your team's dashboard. Everyone in the channel can open it.</PageText>
        </>
      );
    case "unsupported":
      return <PageText>This page sets up a Golden Thread tab. Open it by adding Golden Thread to a channel in Teams.</PageText>;
    case "browser":
      return (
        <PageText>
          This page sets up a Golden Thread tab in a Teams channel. It only works inside Microsoft Teams.
        </PageText>
      );
  }
}
