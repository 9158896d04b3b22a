// The Teams side of #/configure: let the user press Save, and save a channel
// tab that opens #/dashboard.
import { pages } from "@microsoft/teams-js";
import { DASHBOARD_ENTITY_ID, dashboardContentUrl } from "./routes";

export type ChannelTabConfigState = "ready" | "unsupported";

/**
 * Register the save handler and enable Teams' Save button. Call only in the
 * Teams "settings" frame, after teams-js is initialised.
 */
export function enableChannelTabSave(origin: string = window.location.origin): ChannelTabConfigState {
  if (!pages.config.isSupported()) return "unsupported";

  const contentUrl = dashboardContentUrl(origin);
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig({
        entityId: DASHBOARD_ENTITY_ID,
        contentUrl,
        websiteUrl: contentUrl,
        suggestedDisplayName: "Golden Thread",
      })
      .then(
        () => saveEvent.notifySuccess(),
        () => saveEvent.notifyFailure("Golden Thread could not save this tab. Try again."),
      );
  });
  pages.config.setValidityState(true);
  return "ready";
}
