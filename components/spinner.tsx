export function Spinner({ small = false, label = "Loading" }: { small?: boolean; label?: string }) {
  return (
    <span role="status" aria-label={label} className="inline-flex items-center">
      <span className={`${small ? "h-3.5 w-3.5" : "h-6 w-6"} animate-spin rounded-full border-2 border-current border-t-transparent opacity-70`} />
    </span>
  );
}
