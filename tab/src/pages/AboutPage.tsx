import { PageText } from "../components/PageText";

// The pages behind the Teams manifest's developer links. Kept short and
// plain: who it is for, what it stores, and the rule about children's data.
const text: Record<"about" | "privacy" | "terms", string[]> = {
  about: [
    "Golden Thread runs your children's services quality assurance framework inside Microsoft Teams: case audits, practitioner reflections, moderation, actions, learning bulletins and self-evaluation.",
    "It gives one line of sight from frontline practice to senior leaders, so you can say what you know about the quality and impact of practice, how you know it, and what you will do next.",
  ],
  privacy: [
    "Golden Thread keeps quality assurance records in your own organisation's Microsoft 365 tenant, or on the server your IT team runs.",
    "Cases are known only by their case reference from your case recording system. Never type a child's name or other identifying details into Golden Thread: chat history in Teams outlives the audit.",
    "Every change is written to an audit log that records who made it and when.",
  ],
  terms: [
    "Golden Thread is provided by your local authority for quality assurance work. Use it in line with your authority's information governance and acceptable use policies.",
    "Ask your QA lead or IT service desk if you are unsure what you may record.",
  ],
};

export function AboutPage({ topic }: { topic: "about" | "privacy" | "terms" }) {
  return (
    <>
      {text[topic].map((paragraph) => (
        <PageText key={paragraph}>{paragraph}</PageText>
      ))}
    </>
  );
}
