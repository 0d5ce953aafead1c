import { CircleExclamationPoint } from "lucide-react";
import { Children, cloneElement, useId, type AriaAttributes, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

type FieldControlProps = {
  id?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: AriaAttributes["aria-invalid"];
  "aria-required"?: AriaAttributes["aria-required"];
};

export type FieldProps = {
  label: ReactNode;
  /** Exactly one control (Input, Textarea, Select, …). Field gives it id, aria-describedby and aria-invalid. */
  children: ReactElement<FieldControlProps>;
  hint?: ReactNode;
  /** A message, or zod's `fieldErrors[name]` as is. Empty means valid. */
  error?: string | readonly string[] | null;
  /** The control's id; generated when neither this nor the control has one. */
  id?: string;
  className?: string;
};

function joinIds(...ids: (string | undefined | false)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined === "" ? undefined : joined;
}

/**
 * Label + control + hint + error. The asterisk follows the control's own `required`
 * (or `aria-required`), so there is one source of truth for it.
 */
export function Field({ label, children, hint, error, id, className }: FieldProps) {
  const generatedId = useId();
  const control = Children.only(children);
  const controlId = id ?? control.props.id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const errors = (typeof error === "string" ? [error] : (error ?? [])).filter((message) => message !== "");
  const invalid = errors.length > 0;
  const required = control.props.required === true || control.props["aria-required"] === true;

  return (
    <div className={cn("grid min-w-0 gap-1.5", className)}>
      <Label htmlFor={controlId}>
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-red-700">
            *
          </span>
        )}
      </Label>
      {cloneElement(control, {
        id: controlId,
        "aria-describedby": joinIds(control.props["aria-describedby"], invalid && errorId, hint != null && hintId),
        "aria-invalid": invalid ? true : control.props["aria-invalid"],
      })}
      {hint != null && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} className="flex items-start gap-1.5 text-sm text-red-700">
          <CircleExclamationPoint aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{errors.join(" ")}</span>
        </p>
      )}
    </div>
  );
}
