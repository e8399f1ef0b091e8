/**
 * The anti-spam fields of a public form: a "website" field people never see or reach
 * (hidden from sight, from assistive technology and from the tab order, and never
 * autofilled), and the API's signed token of when the form was rendered. The API refuses a
 * form with the trap filled, or without a genuine token, or sent within seconds of rendering.
 */
export function FormTrap({ formToken }: { formToken: string | null }) {
  return (
    <>
      <div className="form-trap" aria-hidden="true">
        <label htmlFor="website">Website (leave this empty)</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <input type="hidden" name="formToken" value={formToken ?? ""} />
    </>
  );
}
