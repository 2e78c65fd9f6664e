import { router } from "../../trpc.ts";
import { book } from "./book.ts";
import { slots } from "./slots.ts";

export const bookingRouter = router({ slots, book });
