import type { RouterOutputs } from "@rally/client";

import { optionalNumber, optionalText } from "../../forms/form-errors.ts";

export type Rule = RouterOutputs["rule"]["get"];
export type RuleKind = Rule["kind"];

/** The editor's fields; numbers stay "" while their box is empty. */
export interface RuleValues {
  name: string;
  kind: RuleKind;
  serviceTypeId: string;
  cadenceMonths: number | string;
  mileageInterval: number | string;
  templateId: string;
  includeNeverServiced: boolean;
  filters: {
    make: string;
    model: string;
    yearMin: number | string;
    yearMax: number | string;
    visitedWithinMonths: number | string;
  };
  /** Days after the declined visit, as typed: "30, 60, 90". */
  declinedOffsetsDays: string;
}

export const emptyRule: RuleValues = {
  name: "",
  kind: "SERVICE_DUE",
  serviceTypeId: "",
  cadenceMonths: 6,
  mileageInterval: "",
  templateId: "",
  includeNeverServiced: false,
  filters: {
    make: "",
    model: "",
    yearMin: "",
    yearMax: "",
    visitedWithinMonths: "",
  },
  declinedOffsetsDays: "30, 60, 90",
};

interface StoredFilters {
  make?: string;
  model?: string;
  yearMin?: number;
  yearMax?: number;
  visitedWithinMonths?: number;
}

export function valuesFromRule(rule: Rule): RuleValues {
  const filters = (rule.filters ?? {}) as StoredFilters;

  return {
    name: rule.name,
    kind: rule.kind,
    serviceTypeId: String(rule.serviceTypeId),
    cadenceMonths: rule.cadenceMonths,
    mileageInterval: rule.mileageInterval ?? "",
    templateId: rule.templateId ? String(rule.templateId) : "",
    includeNeverServiced: rule.includeNeverServiced,
    filters: {
      make: filters.make ?? "",
      model: filters.model ?? "",
      yearMin: filters.yearMin ?? "",
      yearMax: filters.yearMax ?? "",
      visitedWithinMonths: filters.visitedWithinMonths ?? "",
    },
    declinedOffsetsDays: rule.declinedOffsetsDays.join(", "),
  };
}

/** "30, 60 90" as numbers; a word that is no number stays for zod to refuse. */
function parseOffsets(text: string) {
  return text
    .split(/[\s,]+/)
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** What decides who is due, as `cohort.preview` takes it. */
export function criteriaFrom(values: RuleValues) {
  const isDeclined = values.kind === "DECLINED_WORK";

  return {
    kind: values.kind,
    serviceTypeId: optionalNumber(values.serviceTypeId),
    cadenceMonths: optionalNumber(values.cadenceMonths),
    mileageInterval: optionalNumber(values.mileageInterval) ?? null,
    includeNeverServiced: values.includeNeverServiced,
    filters: {
      make: optionalText(values.filters.make),
      model: optionalText(values.filters.model),
      yearMin: optionalNumber(values.filters.yearMin),
      yearMax: optionalNumber(values.filters.yearMax),
      visitedWithinMonths: optionalNumber(values.filters.visitedWithinMonths),
    },
    declinedOffsetsDays: isDeclined
      ? parseOffsets(values.declinedOffsetsDays)
      : [],
  };
}

export function ruleInputFrom(values: RuleValues) {
  return {
    name: values.name,
    templateId: optionalNumber(values.templateId) ?? null,
    ...criteriaFrom(values),
  };
}

/** Errors on one offset belong to the offsets box. */
export const ruleFormPath = (path: string) =>
  path.replace(/^declinedOffsetsDays\.\d+$/, "declinedOffsetsDays");
