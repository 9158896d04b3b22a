import { z } from "zod";

// Identifiers are opaque strings: SQLite uses UUIDs, SharePoint list item ids
// are numbers rendered as text. Neither is ever shown to families.
export const id = z.string().trim().min(1, "An identifier cannot be empty").max(100);

// Calendar dates (no time of day) for due dates and timescales.
export const isoDate = z.iso.date({ message: "Use a date in the form YYYY-MM-DD" });

export const isoDateTime = z.iso.datetime({ offset: true, message: "Use a date and time in ISO 8601 form" });

export const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);

export const requiredText = (what: string, max: number) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} must be under ${max} characters`);
