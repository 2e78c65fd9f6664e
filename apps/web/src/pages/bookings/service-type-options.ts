import { trpc } from "../../trpc.ts";

/** The shop's service types as select options, after an empty choice. */
export function useServiceTypeOptions(emptyLabel: string) {
  const serviceTypes = trpc.serviceType.list.useQuery();

  return [
    { value: "", label: emptyLabel },
    ...(serviceTypes.data ?? []).map((type) => ({
      value: String(type.id),
      label: type.name,
    })),
  ];
}
