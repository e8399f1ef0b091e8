import { type EnquiryStatus, enquiryStatusLabels } from "@clinic/domain";

export { enquiryStatusLabels };

export const enquiryStatusClass: Record<EnquiryStatus, string> = {
  new: "status--warn",
  in_progress: "status--on",
  closed: "status--off",
};
