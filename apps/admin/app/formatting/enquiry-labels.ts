import type { EnquiryStatus } from "@clinic/domain";

export const enquiryStatusLabels: Record<EnquiryStatus, string> = {
  new: "New",
  in_progress: "In progress",
  closed: "Closed",
};

export const enquiryStatusClass: Record<EnquiryStatus, string> = {
  new: "status--warn",
  in_progress: "status--on",
  closed: "status--off",
};
