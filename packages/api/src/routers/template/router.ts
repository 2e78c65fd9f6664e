import { router } from "../../trpc.ts";
import { archive } from "./archive.ts";
import { create } from "./create.ts";
import { get } from "./get.ts";
import { list } from "./list.ts";
import { preview } from "./preview.ts";
import { testSend } from "./test-send.ts";
import { update } from "./update.ts";
import { variables } from "./variables.ts";

export const templateRouter = router({
  create,
  update,
  get,
  list,
  preview,
  variables,
  testSend,
  archive,
});
