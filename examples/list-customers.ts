/**
 * Lists every customer with their vehicles, page by page.
 *
 *   RALLY_URL=http://localhost:3000 pnpm --filter @rally/examples exec tsx list-customers.ts [search]
 */
import { connect } from "./connect.ts";

const rally = connect();
const search = process.argv[2];
let cursor: number | undefined;
try {
  do {
    const page = await rally.customer.list.query({
      search,
      cursor,
      limit: 100,
    });
    for (const customer of page.items) {
      const cars = customer.vehicles
        .map((v) => `${v.year} ${v.make} ${v.model}`)
        .join(", ");
      console.log(
        `#${customer.id} ${customer.firstName} ${customer.lastName}: ${cars || "no vehicles"}`,
      );
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
} finally {
  rally.close();
}
