/** The rule schemas live beside the other shared ones, for the console. */
export * from "../../rule-schemas.ts";
