/** The template schemas live beside the other shared ones, for the console. */
export * from "../../template-schemas.ts";
