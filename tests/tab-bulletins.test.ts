// The bulletin pages in Debian Chromium against the real server: the PSW
// composes a bulletin beside the live card preview (drawn by the Adaptive
// Cards library from the server's card), switches to the seven-minute
// briefing, sends it to a channel the bot knows, and sees it delivered; a
// practitioner marks it read in the tab; axe-core and 320 px on the way.
import { afterAll, describe, expect, it } from "vitest";
import { startFakeBotConnector, type FakeBotConnector } from "./support/fake-bot-connector.js";
import { checkWidths, expectAccessible, go, signIn, useTabBrowser } from "./support/tab-page.js";

let connector: FakeBotConnector | undefined;
const channelConversationId = "19:quality@thread.tacv2";

const { newPage, api } = useTabBrowser({
  seed: async (app) => {
    connector = await startFakeBotConnector();
    await app.store.create(
      "teamsConversation",
      {
        conversationId: channelConversationId,
        conversationType: "channel",
        teamId: "19:team@thread.tacv2",
        title: "Northmoor children's services › Quality assurance",
        status: "installed",
        reference: {
          conversation: { id: channelConversationId, conversationType: "channel", isGroup: true },
          serviceUrl: connector.serviceUrl,
          channelId: "msteams",
          bot: { id: "28:golden-thread-bot" },
        },
      },
      { id: "test:setup" },
    );
  },
});
afterAll(async () => {
  await connector?.close();
});

describe("the bulletin pages", () => {
  it("lets the PSW compose with a live preview of the posted card, and send it to a channel", async () => {
    const page = await newPage();
    await signIn(page, "Tom Okafor");
    await go(page, "#/bulletins");
    await page.getByRole("heading", { name: "Learning bulletins" }).waitFor();
    await page.getByRole("link", { name: "Write a bulletin" }).click();
    await page.getByRole("heading", { name: "Write a learning bulletin" }).waitFor();

    await page.getByLabel("Title").fill("Hearing the child in plans");
    await page.getByLabel("Key messages").fill("Quote the child in the plan\nSay who does what by when");
    const preview = page.getByTestId("card-preview");
    await preview.getByText("Hearing the child in plans").waitFor();
    await preview.getByText("• Say who does what by when").waitFor();
    expect(await preview.getByText("Learning bulletin").isVisible()).toBe(true);
    expect(await preview.getByRole("button", { name: "I've read this" }).isVisible()).toBe(true);

    await page.getByRole("radio", { name: /Seven-minute briefing/ }).check();
    await page.getByLabel("Background").fill("October's audits looked at 40 plans.");
    await page.getByLabel("Why it matters").fill("Children tell us they are not heard.");
    await preview.getByText("2. Why it matters").waitFor();
    await page.getByLabel("Questions to reflect on").fill("When did you last quote a child in a plan?");
    await preview.getByText(/When did you last quote a child in a plan\?/).waitFor();
    await preview.getByText("Seven-minute briefing").waitFor();
    await expectAccessible(page, "the bulletin composer", { exclude: ["[data-testid=card-preview]"] });
    await checkWidths(page, "bulletin-compose");

    await page.getByRole("checkbox", { name: "Northmoor children's services › Quality assurance" }).check();
    await page.getByRole("checkbox", { name: "Assessment team" }).check();
    await page.getByRole("button", { name: "Send now" }).click();
    await page.getByRole("heading", { name: "Who it reached" }).waitFor();
    await page.getByText("Channel posts: Northmoor children's services › Quality assurance (posted)").waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("Delivery and read counts").textContent()).toContain("Read0 of 2 readers");
    await expectAccessible(page, "a sent bulletin", { exclude: ["[data-testid=card-preview]"] });

    // The card the channel received is the one the preview drew.
    const posted = connector!.sent.find((sent) => sent.conversationId === channelConversationId);
    expect(JSON.stringify(posted?.activity.attachments?.[0]?.content)).toContain("2. Why it matters");
    await page.close();
  });

  it("lets a practitioner read a sent bulletin and mark it read", async () => {
    const list = await api<{ bulletins: { id: string; title: string }[] }>("person-sw-amira", "get", "/api/bulletins");
    const bulletin = list.body.bulletins.find((candidate) => candidate.title === "Hearing the child in plans");
    expect(bulletin).toBeDefined();
    const page = await newPage();
    await signIn(page, "Amira Hussain");
    await go(page, `#/bulletins/${bulletin!.id}`);
    await page.getByTestId("card-preview").getByText("Hearing the child in plans").waitFor();
    await page.getByRole("button", { name: "I've read this" }).first().click();
    await page.getByText(/You marked this as read on/).waitFor();
    // Practitioners see no delivery report.
    expect(await page.getByRole("heading", { name: "Who it reached" }).count()).toBe(0);
    const report = await api<{ read: number; readers: number }>("person-psw", "get", `/api/bulletins/${bulletin!.id}/report`);
    expect(report.body).toMatchObject({ read: 1, readers: 2 });
    await page.close();
  });

  it('lets the PSW publish the demo "you said, we did" and open the page for families', async () => {
    const page = await newPage();
    await signIn(page, "Tom Okafor");
    await go(page, "#/you-said-we-did");
    await page.getByRole("heading", { name: "You said, we did" }).waitFor();
    await page.getByRole("link", { name: "Knowing when visits change" }).click();
    await page.getByRole("heading", { name: "You said, we did: Knowing when visits change" }).waitFor();
    expect(await page.getByLabel("Theme").inputValue()).toBe("Knowing when visits change");
    // The demo links the register's complaint about contact changes.
    expect(await page.getByRole("combobox", { name: /compliments and complaints it comes from/ }).textContent()).toContain("Complaint: Not told about changes to contact");
    await page.getByRole("checkbox", { name: "Northmoor children's services › Quality assurance" }).check();
    await expectAccessible(page, "the you said, we did form", { exclude: ["[data-testid=card-preview]"] });
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText(/^Published /).waitFor();
    await page.getByTestId("card-preview").getByText("Evidence: Tell the child when visits change, and why (in progress)").waitFor();
    const [familyPage] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Open the page for families" }).click()]);
    await familyPage.getByRole("heading", { name: "You said, we did" }).waitFor();
    const text = (await familyPage.textContent("body")) ?? "";
    expect(text).toContain("Children in care told us they want to know sooner when a visit changes");
    expect(text).toContain("We have started this.");
    expect(text).toContain("One child or family told us this.");
    expect(text).not.toContain("Tell the child when visits change, and why"); // action titles stay inside Golden Thread
    await familyPage.close();
    await page.close();
  });
});
