import { trpc } from "../trpc.ts";

/** Whether the signed-in person may change things (staff or admin). */
export function useCanAct() {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: Infinity });

  return me.data !== undefined && me.data.role !== "VIEWER";
}
