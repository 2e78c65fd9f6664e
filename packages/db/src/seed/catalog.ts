/** The fixed parts of the demo shop: settings, service types, templates, rules. */

export const demoShop = {
  name: "Lakeview Auto Care",
  timeZone: "America/Chicago",
  senderName: "Lakeview Auto Care",
  senderEmail: "service@lakeview-auto.example.com",
  postalAddress: "2150 N Lincoln Ave, Chicago, IL 60614",
  phone: "(773) 555-0142",
  frequencyCapDays: 7,
  bayCapacity: 4,
  openingHours: [
    { day: 1, open: "08:00", close: "18:00" },
    { day: 2, open: "08:00", close: "18:00" },
    { day: 3, open: "08:00", close: "18:00" },
    { day: 4, open: "08:00", close: "18:00" },
    { day: 5, open: "08:00", close: "18:00" },
    { day: 6, open: "09:00", close: "13:00" },
  ],
  sendWindow: { days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "18:00" },
};

export interface DemoServiceType {
  key: string;
  name: string;
  defaultCadenceMonths: number;
  /** What the shop charges, for declined recommendations. */
  priceCents: number;
  /** Can a customer be recommended this and decline it? */
  isDeclinable: boolean;
}

export const demoServiceTypes: DemoServiceType[] = [
  {
    key: "oil-change",
    name: "Oil change",
    defaultCadenceMonths: 6,
    priceCents: 6_999,
    isDeclinable: false,
  },
  {
    key: "tire-rotation",
    name: "Tire rotation",
    defaultCadenceMonths: 6,
    priceCents: 3_499,
    isDeclinable: false,
  },
  {
    key: "brake-inspection",
    name: "Brake inspection",
    defaultCadenceMonths: 12,
    priceCents: 28_900,
    isDeclinable: true,
  },
  {
    key: "coolant-flush",
    name: "Coolant flush",
    defaultCadenceMonths: 24,
    priceCents: 14_900,
    isDeclinable: true,
  },
  {
    key: "transmission-service",
    name: "Transmission service",
    defaultCadenceMonths: 36,
    priceCents: 24_900,
    isDeclinable: true,
  },
  {
    key: "battery-check",
    name: "Battery check",
    defaultCadenceMonths: 12,
    priceCents: 18_900,
    isDeclinable: true,
  },
  {
    key: "air-filter",
    name: "Air filter",
    defaultCadenceMonths: 12,
    priceCents: 4_999,
    isDeclinable: true,
  },
  {
    key: "alignment",
    name: "Wheel alignment",
    defaultCadenceMonths: 12,
    priceCents: 11_900,
    isDeclinable: true,
  },
];

const footer = `
<p>{{ shop.name }} · {{ shop.postalAddress }}<br>
<a href="{{ unsubscribeUrl }}">Unsubscribe</a> from service reminders.</p>`;

const footerText = `
--
{{ shop.name }}, {{ shop.postalAddress }}
Unsubscribe: {{ unsubscribeUrl }}`;

function reminder(options: { name: string; subject: string; lead: string }) {
  return {
    name: options.name,
    subject: options.subject,
    html: `<p>Hi {{ customer.firstName }},</p>
<p>${options.lead}</p>
<p>Your {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }} last had a
{{ service.name | downcase }} on {{ lastServiceDate }}{% if daysOverdue > 0 %},
{{ daysOverdue }} days past due{% endif %}.</p>
<p><a href="{{ bookingUrl }}">Book a time that suits you</a> or reply to this
email and we will find one.</p>
${footer}`,
    text: `Hi {{ customer.firstName }},

${options.lead}

Your {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }} last had a {{ service.name | downcase }} on {{ lastServiceDate }}{% if daysOverdue > 0 %}, {{ daysOverdue }} days past due{% endif %}.

Book a time: {{ bookingUrl }}
${footerText}`,
  };
}

/** One marketing template per main service type, keyed by service type. */
export const demoTemplates = {
  "oil-change": reminder({
    name: "Oil change reminder",
    subject:
      "{{ customer.firstName }}, your {{ vehicle.make }} is due for an oil change",
    lead: "Fresh oil keeps your engine running longer, and it only takes about 30 minutes.",
  }),
  "tire-rotation": reminder({
    name: "Tire rotation reminder",
    subject: "Time to rotate the tires on your {{ vehicle.make }}",
    lead: "Rotating your tires evens out wear so they last thousands of miles longer.",
  }),
  "brake-inspection": reminder({
    name: "Brake inspection reminder",
    subject:
      "{{ customer.firstName }}, let's check the brakes on your {{ vehicle.make }}",
    lead: "A yearly brake inspection catches worn pads before they damage the rotors.",
  }),
  "battery-check": reminder({
    name: "Battery check reminder",
    subject: "Is your {{ vehicle.make }}'s battery ready for the season?",
    lead: "A free battery test takes five minutes and avoids a morning that will not start.",
  }),
  declined: {
    name: "Declined work follow-up",
    subject:
      "Still thinking about the {{ service.name | downcase }} for your {{ vehicle.make }}?",
    html: `<p>Hi {{ customer.firstName }},</p>
<p>When you visited on {{ lastServiceDate }} our technician recommended a
{{ service.name | downcase }} for your {{ vehicle.year }} {{ vehicle.make }}
{{ vehicle.model }}. We would be glad to take care of it.</p>
<p><a href="{{ bookingUrl }}">Book it now</a> or reply with any questions.</p>
${footer}`,
    text: `Hi {{ customer.firstName }},

When you visited on {{ lastServiceDate }} our technician recommended a {{ service.name | downcase }} for your {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }}. We would be glad to take care of it.

Book it now: {{ bookingUrl }}
${footerText}`,
  },
} as const;

export type DemoTemplateKey = keyof typeof demoTemplates;

export interface DemoRule {
  name: string;
  kind: "SERVICE_DUE" | "DECLINED_WORK";
  serviceTypeKey: string;
  templateKey: DemoTemplateKey;
  cadenceMonths: number;
  mileageInterval?: number;
  declinedOffsetsDays?: number[];
}

export const demoRules: DemoRule[] = [
  {
    name: "Oil change due",
    kind: "SERVICE_DUE",
    serviceTypeKey: "oil-change",
    templateKey: "oil-change",
    cadenceMonths: 6,
    mileageInterval: 5_000,
  },
  {
    name: "Tire rotation due",
    kind: "SERVICE_DUE",
    serviceTypeKey: "tire-rotation",
    templateKey: "tire-rotation",
    cadenceMonths: 6,
  },
  {
    name: "Brake inspection due",
    kind: "SERVICE_DUE",
    serviceTypeKey: "brake-inspection",
    templateKey: "brake-inspection",
    cadenceMonths: 12,
  },
  {
    name: "Battery check due",
    kind: "SERVICE_DUE",
    serviceTypeKey: "battery-check",
    templateKey: "battery-check",
    cadenceMonths: 12,
  },
  {
    name: "Declined brake work follow-up",
    kind: "DECLINED_WORK",
    serviceTypeKey: "brake-inspection",
    templateKey: "declined",
    cadenceMonths: 12,
    declinedOffsetsDays: [14, 45],
  },
];
