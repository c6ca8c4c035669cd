export function Forbidden({ role, screen }: { role: string; screen: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-lg font-semibold text-amber-900">Not allowed</h1>
      <p className="mt-1 text-sm text-amber-900">The {role} role cannot open {screen}. Ask an admin if you need access.</p>
    </div>
  );
}
