export * from "./booking.js";
export * from "./booking-input.js";
export * from "./bookings-list.js";
export * from "./staff-booking-input.js";
