import { useParams } from "react-router";

/**
 * A numeric id from the URL. A malformed one becomes 0, which the server
 * refuses as bad input, so the page shows the server's own message.
 */
export function useIdParam(name: string) {
  const value = useParams()[name] ?? "";

  return /^\d{1,10}$/.test(value) ? Number(value) : 0;
}
