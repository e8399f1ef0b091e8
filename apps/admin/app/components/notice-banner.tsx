/** A success message after a change (role="status": announced politely, not an alarm). */
export function NoticeBanner({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="notice" role="status">
      <p>{message}</p>
    </div>
  );
}
