// What the "you said, we did" pages read from the API and send back.
export interface WeDid {
  text: string;
  actionIds: string[];
}

export interface YouSaidWeDidBody {
  theme: string;
  youSaid: string;
  response: string;
  weDid: WeDid[];
  feedbackIds: string[];
  channelIds: string[];
}

export interface YouSaidWeDid extends YouSaidWeDidBody {
  id: string;
  etag: string;
  status: "draft" | "published";
  publishedAt?: string;
  createdAt: string;
  card?: unknown;
}

export const emptyUpdate: YouSaidWeDidBody = { theme: "", youSaid: "", response: "", weDid: [{ text: "", actionIds: [] }], feedbackIds: [], channelIds: [] };
