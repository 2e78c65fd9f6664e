import type { Database } from "@rally/db";

export const MARKETING_HTML = `<p>Hi {{ customer.firstName }},</p>
<p>Your {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }} is due for {{ service.name }}
({{ daysOverdue }} days overdue).</p>
<ul>{% for v in vehicles %}<li>{{ v.make }} {{ v.model }}</li>{% endfor %}</ul>
<p><a href="{{ bookingLink }}">Book now</a></p>
<p>{{ shop.name }}, {{ shop.postalAddress }} · <a href="{{ unsubscribeLink }}">Unsubscribe</a></p>`;

export const POSTAL_ADDRESS = "12 Main St, Springfield";

export async function seedShop(
  db: Database,
  extra: Record<string, unknown> = {},
) {
  await db.prisma.shopSettings.create({
    data: {
      name: "Main St Auto",
      timeZone: "America/Chicago",
      senderName: "Main St Auto",
      senderEmail: "service@mainst.test",
      postalAddress: POSTAL_ADDRESS,
      openingHours: [],
      ...extra,
    },
  });
}

/**
 * A rule (oil every 6 months) and a template, plus `customers` customers
 * with one overdue vehicle each, the first customer having `extraVehicles`
 * more overdue vehicles.
 */
export async function seedCohort(
  db: Database,
  options: {
    customers: number;
    extraVehicles?: number;
    now: Date;
    key?: string;
  },
) {
  const key = options.key ?? "oil";
  const serviceType = await db.prisma.serviceType.create({
    data: { key, name: "Oil change", defaultCadenceMonths: 6 },
  });
  const template = await db.prisma.template.create({
    data: {
      name: `Reminder ${key}`,
      subject: "{{ customer.firstName }}, your {{ vehicle.make }} is due",
      html: MARKETING_HTML,
    },
  });
  const rule = await db.prisma.rule.create({
    data: {
      name: `Oil due ${key}`,
      serviceTypeId: serviceType.id,
      cadenceMonths: 6,
      templateId: template.id,
    },
  });
  const serviced = new Date(options.now.getTime() - 240 * 86_400_000);
  const customerIds: number[] = [];
  for (let i = 0; i < options.customers; i += 1) {
    const vehicles = i === 0 ? 1 + (options.extraVehicles ?? 0) : 1;
    const customer = await db.prisma.customer.create({
      data: {
        firstName: `Cust${i}`,
        lastName: key,
        email: `c${i}.${key}@example.com`,
        vehicles: {
          create: Array.from({ length: vehicles }, (_, v) => ({
            make: v === 0 ? "Toyota" : "Honda",
            model: "Corolla",
            year: 2018,
            serviceRecords: {
              create: [
                { serviceTypeId: serviceType.id, performedAt: serviced },
              ],
            },
          })),
        },
      },
      select: { id: true },
    });
    customerIds.push(customer.id);
  }

  return { rule, template, serviceType, customerIds };
}
