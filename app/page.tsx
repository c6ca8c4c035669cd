export default function HomePage() {
  return (
    <main style={{ fontFamily: "system-ui", maxWidth: 720, margin: "3rem auto", lineHeight: 1.5 }}>
      <h1>Nexa Billing Hub</h1>
      <p>
        The Lago-compatible API is served under <code>/api/v1</code>. Point a Lago client at{" "}
        <code>http://this-host/api/v1</code> with a service API key.
      </p>
    </main>
  );
}
