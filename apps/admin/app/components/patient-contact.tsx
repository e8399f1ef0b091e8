/** A patient's email and phone as description-list rows; either may be missing (phone-only patients). */
export function PatientContactRows({
  email,
  phone,
}: {
  email: string | null;
  phone: string | null;
}) {
  return (
    <>
      <dt>Email</dt>
      <dd>
        {email ? (
          <a href={`mailto:${email}`}>{email}</a>
        ) : (
          <span className="muted">None (no emails are sent)</span>
        )}
      </dd>
      <dt>Phone</dt>
      <dd>
        {phone ? (
          <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>
        ) : (
          <span className="muted">None</span>
        )}
      </dd>
    </>
  );
}
