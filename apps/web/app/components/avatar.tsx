import { initials } from "../formatting/initials";

/** A practitioner's photo, or their initials on a calm tint when there is none. */
export function Avatar({
  name,
  photoUrl,
  size = "md",
}: {
  name: string;
  photoUrl: string | null;
  size?: "md" | "lg";
}) {
  if (photoUrl) {
    return (
      <img
        className={`avatar avatar--${size}`}
        src={photoUrl}
        alt={`Portrait of ${name}`}
        loading="lazy"
        width={size === "lg" ? 160 : 96}
        height={size === "lg" ? 160 : 96}
      />
    );
  }
  return (
    <span className={`avatar avatar--${size} avatar--initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
