import type { InputHTMLAttributes } from "react";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value">;

/**
 * One labelled input of the forms that ask who you are: sign-in, an invitation or reset link, and
 * My account (e-mail, password, admin token). `hint` is the rule under it ("at least 10 characters").
 */
export function CredentialField({
  label,
  value,
  onValue,
  hint,
  required = true,
  ...input
}: InputProps & { label: string; value: string; onValue: (value: string) => void; hint?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        {...input}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        required={required}
      />
      {hint && <small>{hint}</small>}
    </label>
  );
}

/** The error under such a form, read out by screen readers when it appears. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}
