import { templateVariables } from "../../services/templates/variables.ts";
import { viewerProcedure } from "../../trpc.ts";

/** The variables a template may use, for the editor to list. */
export const variables = viewerProcedure.query(() => templateVariables);
