import type { ButtonHTMLAttributes } from "react";
import { Spinner } from "./spinner";

const VARIANTS = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-700 disabled:bg-indigo-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-500",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-300",
  ghost: "text-indigo-700 hover:bg-indigo-50 disabled:text-slate-500",
} as const;

export function Button({
  variant = "primary",
  busy = false,
  className = "",
  children,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; busy?: boolean }) {
  return (
    <button
      type={type}
      disabled={busy || props.disabled}
      aria-busy={busy || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${VARIANTS[variant]} ${className}`}
      {...props}
    >
      {busy && <Spinner small />}
      {children}
    </button>
  );
}
