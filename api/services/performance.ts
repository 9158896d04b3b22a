// Performance data (framework component ii): KPI definitions, their monthly
// values with RAG status, and the DfE comparators for the authority's chosen
// LA code. The performance page, the focused-audit rules and the report pack
// all read KPIs through this service, so a figure means the same everywhere.
import type { DfeAuthority, DfeCatalogue } from "../comparators/dfe-catalogue.js";
import { notPublishedReason, type Comparators, type PublishedValue } from "../domain/comparators/index.js";
import { DomainError } from "../domain/errors.js";
import { describeRule } from "../domain/performance/focused-audit-rule.js";
import { ragRule, ragStatus, type Rag } from "../domain/performance/rag.js";
import type { DataConfidence, KpiDefinition } from "../domain/records/kpi-definition.js";
import type { KpiValueLevel } from "../domain/records/kpi-value.js";
import { parseRecord, type RecordInput } from "../domain/records/index.js";
import { allRecords } from "../store/all-records.js";
import type { Actor, RecordOperations, Saved, Store } from "../store/port.js";

/** Hampshire: the South East authority the comparators use until the QA lead chooses another. */
export const DEFAULT_COMPARATOR_LA_CODE = "E10000014";
export const SOUTH_EAST = "South East";

/** A DfE figure as shown: a number, or "not published" with why. Never zero for a suppressed value. */
export type ComparatorValue = { readonly published: true; readonly value: number } | { readonly published: false; readonly code: string; readonly reason: string };

export interface ComparatorPeriod {
  readonly timePeriod: string;
  readonly authority: ComparatorValue;
  readonly region: ComparatorValue & { readonly name: string };
  readonly england: ComparatorValue;
  readonly neighbourAverage: ComparatorValue;
  /** How many neighbours published a value (the average is over these). */
  readonly neighboursPublished: number;
  readonly neighbours: readonly { readonly rank: number; readonly name: string; readonly laCode: string | null; readonly closeness: string; readonly value: ComparatorValue }[];
}

export type KpiComparators =
  | {
      readonly available: true;
      readonly file: string;
      readonly measure: string;
      readonly label: string;
      readonly laCode: string;
      readonly authorityName: string;
      readonly regionName: string;
      readonly neighbourGroupFound: boolean;
      /** Oldest first. */
      readonly periods: readonly ComparatorPeriod[];
    }
  | { readonly available: false; readonly reason: string };

export interface KpiMonthValue {
  readonly month: string;
  readonly level: KpiValueLevel;
  readonly teamId?: string;
  readonly serviceId?: string;
  /** The team's or service's name; "Whole authority" for the authority's figure. */
  readonly placeName: string;
  readonly value: number;
  readonly rag: Rag;
  readonly note?: string;
}

export interface KpiView extends Omit<Saved<"kpiDefinition">, "dataConfidence"> {
  readonly dataConfidence: DataConfidence & { readonly ratedByName?: string };
  /** The RAG rule in words, shown beside every status. */
  readonly ragRule: string;
  readonly focusedAuditRuleText?: string;
}

export interface KpiReport {
  readonly kpi: KpiView;
  /** Oldest month first. */
  readonly values: readonly KpiMonthValue[];
  readonly comparators: KpiComparators;
}

/** One KPI's headline for a month: the authority's figure, RAG and latest DfE comparators (for the report pack). */
export interface KpiHeadline {
  readonly kpi: KpiView;
  /** The authority's figure for the month, or null if none was imported. */
  readonly value: number | null;
  readonly rag: Rag | null;
  readonly latestComparators: ComparatorPeriod | null;
  readonly comparatorSource: string | null;
}

export interface ComparatorSettings {
  readonly laCode: string;
  readonly authorityName: string;
  readonly regionName: string;
  /** True until the QA lead chooses an authority. */
  readonly isDefault: boolean;
}

export interface ValueFilter {
  readonly from?: string;
  readonly to?: string;
  /** Only one place: a team, a service, or the whole authority. */
  readonly teamId?: string;
  readonly serviceId?: string;
  readonly level?: KpiValueLevel;
}

export class PerformanceService {
  constructor(
    private readonly store: Store,
    private readonly catalogue: DfeCatalogue,
  ) {}

  async comparatorSettings(): Promise<ComparatorSettings> {
    const authority = await this.authority();
    const laCode = authority.laCode ?? DEFAULT_COMPARATOR_LA_CODE;
    const known = (await this.catalogue.authorities()).find((candidate) => candidate.laCode === laCode);
    return { laCode, authorityName: known?.name ?? laCode, regionName: known?.regionName ?? "", isDefault: authority.laCode === undefined };
  }

  /** The DfE statistics files and their measure columns, to map a KPI to. */
  dfeMeasures(): Promise<{ file: string; measures: readonly string[] }[]> {
    return this.catalogue.files();
  }

  /** Every authority in the DfE files, South East first, to choose the comparator authority from. */
  async comparatorAuthorities(): Promise<DfeAuthority[]> {
    const authorities = await this.catalogue.authorities();
    return [...authorities.filter((authority) => authority.regionName === SOUTH_EAST), ...authorities.filter((authority) => authority.regionName !== SOUTH_EAST)];
  }

  /** Chooses the LA code whose published figures, region and neighbours are the comparators. */
  async chooseComparatorAuthority(laCode: string, ifMatch: string | undefined, actor: Actor): Promise<ComparatorSettings> {
    const wanted = laCode.trim().toUpperCase();
    const authorities = await this.catalogue.authorities();
    if (!authorities.some((candidate) => candidate.laCode === wanted)) {
      throw new DomainError("invalid_record", `No local authority has the code "${laCode}" in the DfE files. Choose one from the list, such as ${DEFAULT_COMPARATOR_LA_CODE} (Hampshire).`, { field: "laCode" });
    }
    const authority = await this.authority();
    await this.store.update("authority", authority.id, { laCode: wanted }, ifMatch ?? authority.etag, actor);
    return this.comparatorSettings();
  }

  async kpis(): Promise<KpiView[]> {
    const [definitions, people] = [await allRecords(this.store, "kpiDefinition", { orderBy: { field: "code" } }), await this.peopleNames()];
    return definitions.map((kpi) => kpiView(kpi, people));
  }

  async kpi(kpiId: string): Promise<Saved<"kpiDefinition">> {
    const kpi = await this.store.get("kpiDefinition", kpiId);
    if (!kpi) throw new DomainError("not_found", `There is no KPI with id ${kpiId}.`);
    return kpi;
  }

  /** Adds a KPI. Its code must be new, and a DfE mapping must name a file and measure column that exist. */
  async defineKpi(input: RecordInput<"kpiDefinition">, actor: Actor, now: Date): Promise<KpiView> {
    const kpi = parseRecord("kpiDefinition", input);
    await this.checkCodeIsFree(kpi.code);
    await this.checkDfeMeasure(kpi.dfeMeasure);
    const saved = await this.store.create("kpiDefinition", { ...kpi, dataConfidence: stampRating(kpi.dataConfidence, undefined, actor, now) }, actor);
    return kpiView(saved, await this.peopleNames());
  }

  /**
   * Changes a KPI's definition: the fields given replace the KPI's own, and
   * null removes the DfE measure or the focused audit rule. A changed
   * confidence rating records who rated it and when.
   */
  async changeKpi(kpiId: string, changes: Record<string, unknown>, ifMatch: string, actor: Actor, now: Date): Promise<KpiView> {
    const current = await this.kpi(kpiId);
    const { id: _id, etag: _etag, createdAt: _created, updatedAt: _updated, ...definition } = current;
    const given = Object.fromEntries(Object.entries(changes).map(([field, value]) => [field, value === null ? undefined : value]));
    const next = parseRecord("kpiDefinition", { ...definition, ...given });
    if (next.code !== current.code) await this.checkCodeIsFree(next.code);
    await this.checkDfeMeasure(next.dfeMeasure);
    // Optional fields are named even when empty, so that the update removes them.
    const saved = await this.store.update(
      "kpiDefinition",
      kpiId,
      { ...next, dfeMeasure: next.dfeMeasure, focusedAuditRule: next.focusedAuditRule, dataConfidence: stampRating(next.dataConfidence, current.dataConfidence, actor, now) },
      ifMatch,
      actor,
    );
    return kpiView(saved, await this.peopleNames());
  }

  /** The QA lead's confidence rating for a KPI's figures, with the reason. */
  async rateConfidence(kpiId: string, rating: DataConfidence["rating"], reason: string, ifMatch: string, actor: Actor, now: Date): Promise<KpiView> {
    const kpi = await this.kpi(kpiId);
    const dataConfidence = { ...kpi.dataConfidence, rating, ratingReason: reason.trim(), ratedById: actor.id, ratedAt: now.toISOString() };
    const saved = await this.store.update("kpiDefinition", kpiId, { dataConfidence }, ifMatch, actor);
    return kpiView(saved, await this.peopleNames());
  }

  /** A KPI's monthly values (with RAG) and its DfE comparators. */
  async report(kpiId: string, filter: ValueFilter = {}): Promise<KpiReport> {
    const kpi = await this.kpi(kpiId);
    const [values, people] = [await this.values(kpi, filter), await this.peopleNames()];
    return { kpi: kpiView(kpi, people), values, comparators: await this.comparatorsOf(kpi) };
  }

  /** Every KPI's authority figure for one month, with RAG and the latest comparators: the report pack's headline table. */
  async headlines(month: string): Promise<KpiHeadline[]> {
    const people = await this.peopleNames();
    const headlines: KpiHeadline[] = [];
    for (const kpi of await allRecords(this.store, "kpiDefinition", { orderBy: { field: "code" } })) {
      const [own] = await this.values(kpi, { from: month, to: month, level: "authority" });
      const comparators = await this.comparatorsOf(kpi);
      headlines.push({
        kpi: kpiView(kpi, people),
        value: own?.value ?? null,
        rag: own?.rag ?? null,
        latestComparators: comparators.available ? (comparators.periods[comparators.periods.length - 1] ?? null) : null,
        comparatorSource: comparators.available ? `${comparators.label} (DfE, ${comparators.file})` : null,
      });
    }
    return headlines;
  }

  /** The DfE comparators for a KPI mapped to a DfE measure, for the chosen authority. */
  async comparatorsOf(kpi: KpiDefinition): Promise<KpiComparators> {
    if (kpi.dfeMeasure === undefined) return { available: false, reason: "This KPI is not published by the Department for Education, so there are no national comparators." };
    const settings = await this.comparatorSettings();
    let comparators: Comparators;
    try {
      comparators = await this.catalogue.comparators(kpi.dfeMeasure.file, kpi.dfeMeasure.measure, settings.laCode);
    } catch (error) {
      if (error instanceof DomainError && (error.code === "not_found" || error.code === "invalid_query")) return { available: false, reason: error.message };
      throw error;
    }
    const periods = comparators.periods.map(
      (period): ComparatorPeriod => ({
        timePeriod: period.timePeriod,
        authority: shown(period.authority.value),
        region: { ...shown(period.region.value), name: period.region.name },
        england: shown(period.england.value),
        neighbourAverage: shown(period.neighbours.average),
        neighboursPublished: period.neighbours.publishedCount,
        neighbours: period.neighbours.members.map((member) => ({ rank: member.rank, name: member.name, laCode: member.laCode, closeness: member.closeness, value: shown(member.value) })),
      }),
    );
    return {
      available: true,
      file: kpi.dfeMeasure.file,
      measure: kpi.dfeMeasure.measure,
      label: kpi.dfeMeasure.label,
      laCode: comparators.laCode,
      authorityName: comparators.authorityName,
      regionName: periods[periods.length - 1]?.region.name ?? settings.regionName,
      neighbourGroupFound: comparators.neighbourGroupFound,
      periods,
    };
  }

  async values(kpi: Saved<"kpiDefinition">, filter: ValueFilter = {}, store: RecordOperations = this.store): Promise<KpiMonthValue[]> {
    const where: Record<string, string | { gte?: string; lte?: string }> = { kpiId: kpi.id };
    if (filter.from !== undefined || filter.to !== undefined) where.month = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) };
    if (filter.teamId !== undefined) where.teamId = filter.teamId;
    else if (filter.serviceId !== undefined) where.serviceId = filter.serviceId;
    const [records, names] = [await allRecords(store, "kpiValue", { where, orderBy: { field: "month" } }), await this.placeNames()];
    return records
      .filter((record) => filter.level === undefined || record.level === filter.level)
      .map((record) => ({
        month: record.month,
        level: record.level,
        ...(record.teamId !== undefined ? { teamId: record.teamId } : {}),
        ...(record.serviceId !== undefined ? { serviceId: record.serviceId } : {}),
        placeName: record.level === "team" ? (names.get(record.teamId ?? "") ?? "A team") : record.level === "service" ? (names.get(record.serviceId ?? "") ?? "A service") : "Whole authority",
        value: record.value,
        rag: ragStatus(kpi, record.value),
        ...(record.note !== undefined ? { note: record.note } : {}),
      }));
  }

  private async checkCodeIsFree(code: string): Promise<void> {
    const [taken] = (await this.store.query("kpiDefinition", { where: { code }, limit: 1 })).records;
    if (taken) throw new DomainError("invalid_record", `Another KPI (${taken.name}) already has the code ${code}.`, { field: "code" });
  }

  private async checkDfeMeasure(dfeMeasure: KpiDefinition["dfeMeasure"]): Promise<void> {
    if (dfeMeasure === undefined) return;
    const files = await this.catalogue.files();
    const file = files.find((candidate) => candidate.file === dfeMeasure.file);
    if (!file) throw new DomainError("invalid_record", `There is no DfE statistics file called ${dfeMeasure.file}. The files are: ${files.map((candidate) => candidate.file).join(", ")}.`, { field: "dfeMeasure.file" });
    if (!file.measures.includes(dfeMeasure.measure)) {
      throw new DomainError("invalid_record", `${dfeMeasure.file} has no measure column "${dfeMeasure.measure}". Its measure columns are: ${file.measures.join(", ")}.`, { field: "dfeMeasure.measure" });
    }
  }

  private async authority(): Promise<Saved<"authority">> {
    const [authority] = (await this.store.query("authority", { limit: 1 })).records;
    if (!authority) throw new DomainError("not_found", "No authority is set up yet.");
    return authority;
  }

  private async placeNames(): Promise<Map<string, string>> {
    const teams = await allRecords(this.store, "team");
    const services = await allRecords(this.store, "service");
    return new Map([...teams, ...services].map((place) => [place.id, place.name]));
  }

  private async peopleNames(): Promise<Map<string, string>> {
    return new Map((await allRecords(this.store, "person")).map((person) => [person.id, person.displayName]));
  }
}

function kpiView(kpi: Saved<"kpiDefinition">, people: Map<string, string>): KpiView {
  const ratedByName = kpi.dataConfidence.ratedById ? people.get(kpi.dataConfidence.ratedById) : undefined;
  return {
    ...kpi,
    dataConfidence: { ...kpi.dataConfidence, ...(ratedByName ? { ratedByName } : {}) },
    ragRule: ragRule(kpi),
    ...(kpi.focusedAuditRule ? { focusedAuditRuleText: describeRule(kpi.focusedAuditRule, SOUTH_EAST) } : {}),
  };
}

/** A rating that changed is stamped with who rated it and when; an unchanged one keeps its stamp. */
function stampRating(next: DataConfidence, before: DataConfidence | undefined, actor: Actor, now: Date): DataConfidence {
  const changed = before === undefined || next.rating !== before.rating || next.ratingReason !== before.ratingReason;
  if (!changed) return { ...next, ratedById: before.ratedById, ratedAt: before.ratedAt };
  if (next.rating === "not_rated") return { ...next, ratedById: undefined, ratedAt: undefined };
  return { ...next, ratedById: actor.id, ratedAt: now.toISOString() };
}

function shown(value: PublishedValue): ComparatorValue {
  return value.kind === "published" ? { published: true, value: value.value } : { published: false, code: value.code, reason: notPublishedReason(value.code) };
}
