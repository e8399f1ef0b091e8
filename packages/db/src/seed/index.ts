// The demo clinic (Westside Sports Chiro): a subpath of its own so the ~900 lines of demo
// content stay out of everything that only needs the schema and queries.
export {
  DEMO_OWNER_PASSWORD,
  demoOwnerEmail,
  isEmpty,
  seedDemoClinic,
  seedIfEmpty,
} from "./seed.js";
