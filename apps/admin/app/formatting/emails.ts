export const emailStatuses = ["pending", "sent", "failed"] as const;
export type EmailStatus = (typeof emailStatuses)[number];

const KIND_LABELS: Record<string, string> = {
  "booking.confirmation": "Booking confirmation",
  "booking.rescheduled": "Booking moved",
  "booking.cancelled": "Booking cancelled",
  "booking.clinic_notice": "New booking (to the clinic)",
  "booking.reminder": "Appointment reminder",
  "patient.sign_in_link": "Sign-in link (your bookings)",
  "treatment_plan.confirmation": "Treatment plan confirmation",
  "treatment_plan.clinic_notice": "New treatment plan (to the clinic)",
  "treatment_plan.cancelled": "Treatment plan appointments cancelled",
  "booking.reminder.sms": "Appointment reminder (text)",
  "waitlist.offer": "Waitlist offer",
};

/** How a message goes: the outbox's channels (decision 030). */
export const messageChannels = ["email", "sms"] as const;
export type MessageChannel = (typeof messageChannels)[number];
export const messageChannelLabels: Record<MessageChannel, string> = {
  email: "Email",
  sms: "Text (SMS)",
};

/** "booking.reminder" → "Appointment reminder"; a kind we don't know reads as itself. */
export function emailKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/**
 * An email's state in words. Without an SMTP server "sent" means it reached the mailbox here;
 * a pending one not yet due is "Scheduled", one that failed before is "Retrying".
 */
export function emailStatusLabel(
  message: { status: EmailStatus; scheduledFor: unknown; attempts: number },
  devMailbox: boolean,
): string {
  if (message.status === "sent") return devMailbox ? "In the mailbox" : "Sent";
  if (message.status === "failed") return "Failed";
  if (message.attempts > 0) return "Retrying";
  return message.scheduledFor ? "Scheduled" : "Waiting";
}
